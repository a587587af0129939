package vn.nangbuoc.funding;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.nangbuoc.fund.FundLedger;
import vn.nangbuoc.fund.FundingRequest;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;
import vn.nangbuoc.system.EngineTime;

/** The finance office pays from the reservation (to the hospital or the family): never more than reserved. */
@Component("recordDisbursementListener")
class RecordDisbursementListener extends ApprovedRequestListener {

  static final long MAX_AMOUNT = 2_000_000_000;

  RecordDisbursementListener(TaskSubmissions submissions, FundingRequests requests, FundLedger ledger) {
    super(submissions, requests, ledger);
  }

  @Override
  void handle(TaskSubmission submission, FundingRequest request) {
    FieldReader fields = submission.fields();
    Long paid = fields.requiredWholeNumber("record_amountPaid", "số tiền chi (đồng)", 1, MAX_AMOUNT);
    LocalDate paidOn = fields.requiredDate("record_paidOn", "ngày chi");
    fields.check(paidOn == null || !paidOn.isAfter(EngineTime.today()), "Ngày chi không được sau ngày hôm nay.");
    Payee payee = fields.requiredChoice("record_payee", "đơn vị nhận tiền", Payee.class);
    String voucher = fields.requiredText("record_voucherNumber", "số chứng từ", 60);
    fields.throwIfInvalid();
    ledger.disburse(request.id(), paid, payee.name(), voucher, paidOn, submission.actor());
    submission.record(java.util.Map.of("requestId", request.id()));
  }
}
