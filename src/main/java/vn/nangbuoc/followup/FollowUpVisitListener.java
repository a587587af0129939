package vn.nangbuoc.followup;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;
import vn.nangbuoc.system.EngineTime;

/** The commune caseworker visits the child and records how the child is and what else is needed. */
@Component("followUpVisitListener")
class FollowUpVisitListener implements TaskListener {

  private final TaskSubmissions submissions;
  private final FollowUpSchedule schedule;

  FollowUpVisitListener(TaskSubmissions submissions, FollowUpSchedule schedule) {
    this.submissions = submissions;
    this.schedule = schedule;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = submissions.open(task);
    FieldReader fields = submission.fields();
    LocalDate visit = fields.requiredDate("record_visitDate", "ngày thăm");
    fields.check(visit == null || !visit.isAfter(EngineTime.today()), "Ngày thăm không được sau ngày hôm nay.");
    fields.requiredText("record_childState", "tình trạng của trẻ", 4000);
    Boolean more = fields.requiredBoolean("record_moreServicesNeeded", "trẻ có cần thêm dịch vụ không");
    if (Boolean.TRUE.equals(more)) {
      fields.requiredText("record_servicesNeeded", "dịch vụ trẻ cần thêm", 2000);
    }
    submission.record();
    submission.route(ChildPathway.VAR_MORE_FOLLOW_UPS, schedule.hasMoreVisits(submission.caseId()));
  }
}
