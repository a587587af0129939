package vn.nangbuoc.funding;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.casefile.CaseStepRecords.StepRecord;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.notification.Notifications;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;

/**
 * A manager decides on funding from the child protection fund. Four eyes: whoever prepared the
 * referral may not decide on it, whichever way the decision reaches the engine (Tasklist, REST).
 */
@Component("approveFundingListener")
class ApproveFundingListener implements TaskListener {

  private final TaskSubmissions submissions;
  private final CaseStepRecords records;
  private final Notifications notifications;

  ApproveFundingListener(TaskSubmissions submissions, CaseStepRecords records, Notifications notifications) {
    this.submissions = submissions;
    this.records = records;
    this.notifications = notifications;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = submissions.open(task);
    StepRecord referral = records.latest(submission.caseId(), ChildPathway.TASK_PREPARE_REFERRAL)
        .orElseThrow(() -> new InvalidInputException("Hồ sơ chưa có đề nghị chuyển viện để phê duyệt."));
    if (submission.actor().equals(referral.recordedBy())) {
      throw new InvalidInputException("Người lập hồ sơ chuyển viện không được tự phê duyệt kinh phí cho hồ sơ đó."
          + " Một lãnh đạo khác cần phê duyệt.");
    }
    FundingDecision decision = submission.fields()
        .requiredChoice(ChildPathway.VAR_FUNDING_DECISION, "quyết định hỗ trợ", FundingDecision.class);
    String reason = submission.fields().optionalText("record_decisionReason", "lý do", 2000);
    submission.fields().check(decision == null || decision == FundingDecision.APPROVED || reason != null,
        "Hãy ghi lý do từ chối hoặc lý do trả lại.");
    // What the approver saw is frozen with the decision: the amount and who asked for it.
    submission.record(Map.of(
        "amount", referral.data().get("estimatedCost"),
        "requestedBy", referral.recordedBy(),
        "hospital", referral.data().get("hospital"),
        "procedure", referral.data().get("procedure")));
    submission.route(ChildPathway.VAR_FUNDING_DECISION, decision.name());
    notifications.fundingDecided(submission.caseFile(), task.getId(), decision.name(), referral.recordedBy());
  }
}
