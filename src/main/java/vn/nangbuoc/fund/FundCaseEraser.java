package vn.nangbuoc.fund;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseDataEraser;
import vn.nangbuoc.casefile.CaseFile;

/**
 * The fund's books outlive an erased child: amounts, dates, vouchers, hospital and who decided stay,
 * so balances and audits still add up; the link to the child and what described them (finding,
 * procedure, reasons written about them) go.
 */
@Component
@Order(10)
class FundCaseEraser implements CaseDataEraser {

  static final String ERASED = "(đã xóa cùng hồ sơ)";

  private final JdbcClient jdbc;

  FundCaseEraser(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void erase(CaseFile file) {
    jdbc.sql("update fund_correction set reason = ?, decision_reason = case when decision_reason is null then null"
            + " else ? end where entry_id in (select id from fund_entry where request_id in"
            + " (select id from funding_request where case_id = ?))")
        .params(ERASED, ERASED, file.id()).update();
    jdbc.sql("update fund_entry set reason = case when reason is null then null else ? end"
            + " where request_id in (select id from funding_request where case_id = ?)")
        .params(ERASED, file.id()).update();
    jdbc.sql("update funding_request set case_id = null, process_instance_id = null, procedure_text = ?,"
            + " finding = null, decision_reason = case when decision_reason is null then null else ? end"
            + " where case_id = ?")
        .params(ERASED, ERASED, file.id()).update();
  }
}
