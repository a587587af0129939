package vn.nangbuoc.listing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.notification.Notifications;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.ClosureOutcome;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;

@Component("reviewListingListener")
class ReviewListingListener implements TaskListener {

  private final TaskSubmissions submissions;
  private final CaseStepRecords records;
  private final Notifications notifications;

  ReviewListingListener(TaskSubmissions submissions, CaseStepRecords records, Notifications notifications) {
    this.submissions = submissions;
    this.records = records;
    this.notifications = notifications;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = submissions.open(task);
    ListingDecision decision = submission.fields()
        .requiredChoice(ChildPathway.VAR_LISTING_DECISION, "kết quả rà soát", ListingDecision.class);
    String note = submission.fields().optionalText("record_reviewNote", "ghi chú", 2000);
    if (decision != null && decision != ListingDecision.ACCEPT) {
      submission.fields().check(note != null, "Hãy ghi lý do trả lại hoặc lý do không đủ điều kiện.");
    }
    if (decision == ListingDecision.ACCEPT) {
      boolean eligible = records.latest(submission.caseId(), ChildPathway.TASK_CHECK_ELIGIBILITY)
          .map(r -> Boolean.TRUE.equals(r.data().get("eligible"))).orElse(false);
      submission.fields().check(eligible, "Trẻ không đủ điều kiện của chương trình phẫu thuật theo bảng điều kiện: "
          + "hãy trả lại xã/phường để bổ sung, hoặc chọn \"Không đủ điều kiện\".");
    }
    submission.record();
    submission.route(ChildPathway.VAR_LISTING_DECISION, decision.name());
    if (decision == ListingDecision.NOT_ELIGIBLE) {
      submission.route(ChildPathway.VAR_CLOSURE_OUTCOME, ClosureOutcome.NOT_ELIGIBLE.name());
    }
    if (decision != ListingDecision.ACCEPT) {
      notifications.listingReviewed(submission.caseFile(), task.getId(), decision.name(),
          submission.routedGroups());
    }
  }
}
