package vn.nangbuoc.referral;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;

/**
 * LĐTBXH prepares the surgery referral. Hospital, procedure and cost stay in the case records (the
 * routing table reads the cost there to pick the approver); the process learns only the consent.
 */
@Component("prepareReferralListener")
class PrepareReferralListener implements TaskListener {

  static final long MIN_COST = 100_000;
  static final long MAX_COST = 2_000_000_000;

  private final TaskSubmissions submissions;

  PrepareReferralListener(TaskSubmissions submissions) {
    this.submissions = submissions;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = submissions.open(task);
    FieldReader fields = submission.fields();
    fields.requiredText("record_hospital", "bệnh viện chuyển đến", 300);
    fields.requiredText("record_procedure", "phương pháp phẫu thuật", 1000);
    fields.requiredWholeNumber("record_estimatedCost", "chi phí dự kiến (đồng)", MIN_COST, MAX_COST);
    Boolean consent = fields.requiredBoolean(ChildPathway.VAR_FAMILY_CONSENT, "gia đình có đồng ý phẫu thuật không");
    fields.optionalText("record_referralNote", "ghi chú", 2000);
    submission.record();
    submission.route(ChildPathway.VAR_FAMILY_CONSENT, consent);
  }
}
