package vn.nangbuoc.funding;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.engine.EngineTime;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;

/** The finance office records what was paid for the approved surgery: never more than approved. */
@Component("recordDisbursementListener")
class RecordDisbursementListener implements TaskListener {

  static final long MAX_AMOUNT = 2_000_000_000;

  private final TaskSubmissions submissions;
  private final CaseStepRecords records;

  RecordDisbursementListener(TaskSubmissions submissions, CaseStepRecords records) {
    this.submissions = submissions;
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = submissions.open(task);
    long approved = records.latest(submission.caseId(), ChildPathway.TASK_APPROVE_FUNDING)
        .map(r -> ((Number) r.data().get("amount")).longValue()).orElse(0L);
    FieldReader fields = submission.fields();
    Long paid = fields.requiredWholeNumber("record_amountPaid", "số tiền chi (đồng)", 1, MAX_AMOUNT);
    fields.check(paid == null || paid <= approved,
        "Số tiền chi không được vượt số đã phê duyệt (" + VietnameseFormat.money(approved) + ").");
    LocalDate paidOn = fields.requiredDate("record_paidOn", "ngày chi");
    fields.check(paidOn == null || !paidOn.isAfter(EngineTime.today()), "Ngày chi không được sau ngày hôm nay.");
    fields.requiredChoice("record_payee", "đơn vị nhận tiền", Payee.class);
    fields.requiredText("record_voucherNumber", "số chứng từ", 60);
    submission.record();
  }
}
