package vn.nangbuoc.referral;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.ClosureOutcome;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;

/** The commune caseworker counsels a family that did not consent to surgery. */
@Component("counselFamilyListener")
class CounselFamilyListener implements TaskListener {

  private final TaskSubmissions submissions;

  CounselFamilyListener(TaskSubmissions submissions) {
    this.submissions = submissions;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = submissions.open(task);
    CounsellingOutcome outcome = submission.fields()
        .requiredChoice(ChildPathway.VAR_COUNSELLING_OUTCOME, "kết quả tư vấn", CounsellingOutcome.class);
    submission.fields().requiredText("record_counsellingNote", "nội dung tư vấn", 2000);
    submission.record();
    submission.route(ChildPathway.VAR_COUNSELLING_OUTCOME, outcome.name());
    if (outcome == CounsellingOutcome.DECLINED) {
      submission.route(ChildPathway.VAR_CLOSURE_OUTCOME, ClosureOutcome.NO_CONSENT.name());
    }
  }
}
