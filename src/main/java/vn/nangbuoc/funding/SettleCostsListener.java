package vn.nangbuoc.funding;

import java.util.Map;
import org.springframework.stereotype.Component;
import vn.nangbuoc.fund.FundLedger;
import vn.nangbuoc.fund.FundingRequest;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;

/**
 * The finance office settles the surgery with the hospital's bill: the fund pays what is owed and
 * takes back the rest; a bill beyond the approved amount and its margin goes to a manager. It records too
 * what health insurance and charity paid besides, if anything: never the fund's money, counted by the reports.
 */
@Component("settleCostsListener")
class SettleCostsListener extends ApprovedRequestListener {

  SettleCostsListener(TaskSubmissions submissions, FundingRequests requests, FundLedger ledger) {
    super(submissions, requests, ledger);
  }

  @Override
  void handle(TaskSubmission submission, FundingRequest request) {
    FieldReader fields = submission.fields();
    Long actual = fields.requiredWholeNumber("record_actualCost", "chi phí thực tế (đồng)", 1,
        RecordDisbursementListener.MAX_AMOUNT);
    // what other sources paid of the same surgery, outside the bill the fund settles: for the reports only
    fields.optionalWholeNumber("record_healthInsurancePaid", "số tiền bảo hiểm y tế đã chi trả (đồng)", 0,
        RecordDisbursementListener.MAX_AMOUNT);
    fields.optionalWholeNumber("record_charityPaid", "số tiền tổ chức, cá nhân từ thiện đã hỗ trợ (đồng)", 0,
        RecordDisbursementListener.MAX_AMOUNT);
    fields.requiredText("record_invoiceNumber", "số hóa đơn, chứng từ của bệnh viện", 60);
    fields.optionalText("record_settlementNote", "ghi chú", 2000);
    fields.throwIfInvalid();
    FundLedger.Settlement settlement = ledger.settle(request.id(), actual, submission.actor());
    submission.record(Map.of("requestId", request.id(), "approvedAmount", request.amount(),
        "topUp", settlement.topUpNeeded()));
    submission.route(ChildPathway.VAR_TOP_UP_NEEDED, !settlement.settled());
  }
}
