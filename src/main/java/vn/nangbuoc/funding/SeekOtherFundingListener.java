package vn.nangbuoc.funding;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.ClosureOutcome;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;

/** After a rejection LĐTBXH looks for health insurance or charity to pay for the surgery. */
@Component("seekOtherFundingListener")
class SeekOtherFundingListener implements TaskListener {

  private final TaskSubmissions submissions;

  SeekOtherFundingListener(TaskSubmissions submissions) {
    this.submissions = submissions;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = submissions.open(task);
    Boolean found = submission.fields()
        .requiredBoolean(ChildPathway.VAR_OTHER_FUNDING_FOUND, "đã tìm được nguồn hỗ trợ khác chưa");
    if (Boolean.TRUE.equals(found)) {
      submission.fields().requiredChoice("record_fundingSource", "nguồn hỗ trợ", FundingSource.class);
    }
    submission.fields().requiredText("record_fundingNote", "ghi chú về nguồn hỗ trợ", 2000);
    submission.record();
    submission.route(ChildPathway.VAR_OTHER_FUNDING_FOUND, found);
    if (!found) {
      submission.route(ChildPathway.VAR_CLOSURE_OUTCOME, ClosureOutcome.NO_FUNDING.name());
    }
  }
}
