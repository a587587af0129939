package vn.nangbuoc.referral;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.fund.FundLedger;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;

/**
 * LĐTBXH prepares the surgery referral. Hospital, procedure and cost stay in the case records (the
 * routing table reads the cost there to pick the approver); the process learns only the consent.
 * With the family's consent it becomes a funding request for the child protection fund.
 */
@Component("prepareReferralListener")
class PrepareReferralListener implements TaskListener {

  static final long MIN_COST = 100_000;
  static final long MAX_COST = 2_000_000_000;

  private final TaskSubmissions submissions;
  private final FundLedger ledger;
  private final CaseStepRecords records;

  PrepareReferralListener(TaskSubmissions submissions, FundLedger ledger, CaseStepRecords records) {
    this.submissions = submissions;
    this.ledger = ledger;
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = submissions.open(task);
    FieldReader fields = submission.fields();
    String hospital = fields.requiredText("record_hospital", "bệnh viện chuyển đến", 300);
    String procedure = fields.requiredText("record_procedure", "phương pháp phẫu thuật", 1000);
    Long cost = fields.requiredWholeNumber("record_estimatedCost", "chi phí dự kiến (đồng)", MIN_COST, MAX_COST);
    Boolean consent = fields.requiredBoolean(ChildPathway.VAR_FAMILY_CONSENT, "gia đình có đồng ý phẫu thuật không");
    fields.optionalText("record_referralNote", "ghi chú", 2000);
    submission.record();
    if (consent) {
      // the request freezes what the approver will see, whatever happens to the case later
      String finding = records.latest(submission.caseId(), ChildPathway.TASK_RECORD_SCREENING)
          .map(screening -> (String) screening.data().get("finding")).orElse(null);
      ledger.open(submission.caseId(), task.getProcessInstanceId(), submission.caseFile().communeCode(), cost, hospital,
          procedure, finding, submission.actor());
    }
    submission.route(ChildPathway.VAR_FAMILY_CONSENT, consent);
  }
}
