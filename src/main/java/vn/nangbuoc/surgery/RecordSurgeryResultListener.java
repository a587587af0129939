package vn.nangbuoc.surgery;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;
import vn.nangbuoc.system.EngineTime;

/**
 * The surgery's result: done (follow-up visits are counted from its date) or postponed to a new
 * date, which the process waits for.
 */
@Component("recordSurgeryResultListener")
class RecordSurgeryResultListener implements TaskListener {

  private final TaskSubmissions submissions;

  RecordSurgeryResultListener(TaskSubmissions submissions) {
    this.submissions = submissions;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = submissions.open(task);
    FieldReader fields = submission.fields();
    LocalDate today = EngineTime.today();
    SurgeryStatus status =
        fields.requiredChoice(ChildPathway.VAR_SURGERY_STATUS, "tình trạng phẫu thuật", SurgeryStatus.class);
    LocalDate surgeryDate = null;
    LocalDate newDate = null;
    if (status == SurgeryStatus.DONE) {
      surgeryDate = fields.requiredDate("record_surgeryDate", "ngày phẫu thuật");
      fields.check(surgeryDate == null || !surgeryDate.isAfter(today), "Ngày phẫu thuật không được sau ngày hôm nay.");
      fields.requiredText("record_surgeryOutcome", "kết quả phẫu thuật", 4000);
    } else if (status == SurgeryStatus.POSTPONED) {
      newDate = fields.requiredDate("record_postponedTo", "ngày phẫu thuật mới");
      fields.check(newDate == null || newDate.isAfter(today), "Ngày phẫu thuật mới phải sau ngày hôm nay.");
      fields.requiredText("record_postponementReason", "lý do hoãn", 2000);
    }
    submission.record();
    submission.route(ChildPathway.VAR_SURGERY_STATUS, status.name());
    if (status == SurgeryStatus.DONE) {
      submission.route(ChildPathway.VAR_FOLLOW_UP_FROM, EngineTime.morningOf(surgeryDate));
    } else {
      submission.route(ChildPathway.VAR_POSTPONED_UNTIL, EngineTime.morningOf(newDate));
    }
  }
}
