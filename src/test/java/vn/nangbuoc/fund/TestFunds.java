package vn.nangbuoc.fund;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Funds of a test's own, in the city beside its real fund (a case takes the first fund of its unit by id,
 * "quyBtt…" before "testFund…"; the city's finance staff keep the books of both), removed with
 * their books afterwards: the Spring tests share one database, and other tests read every fund. After a
 * transfer between two such funds, remove the one it came from first: its rows point at the requests
 * that moved to the other.
 */
public final class TestFunds {

  private TestFunds() {
  }

  public static String create(JdbcTemplate jdbc) {
    String fund = "testFund" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.update("insert into fund (id, name, unit_code) values (?, 'Quỹ thử nghiệm', 'TPLANGSON')", fund);
    return fund;
  }

  public static void remove(JdbcTemplate jdbc, String fund) {
    jdbc.update("delete from fund_transfer where from_fund_id = ? or to_fund_id = ?", fund, fund);
    jdbc.update("delete from fund_correction where fund_id = ?", fund);
    // a correction's row points at the row it corrects: those first
    jdbc.update("delete from fund_entry where fund_id = ? and corrects_entry_id is not null", fund);
    jdbc.update("delete from fund_entry where fund_id = ?", fund);
    jdbc.update("delete from funding_request where fund_id = ?", fund);
    jdbc.update("delete from fund where id = ?", fund);
  }
}
