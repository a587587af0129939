package vn.nangbuoc.followup;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;
import vn.nangbuoc.system.EngineTime;

/**
 * LĐTBXH arranges rehabilitation, an assistive device or another service with the agency that
 * leads it; follow-up visits are counted from the start of the service.
 */
@Component("arrangeServiceListener")
class ArrangeServiceListener implements TaskListener {

  private final TaskSubmissions submissions;

  ArrangeServiceListener(TaskSubmissions submissions) {
    this.submissions = submissions;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = submissions.open(task);
    FieldReader fields = submission.fields();
    fields.requiredText("record_serviceDescription", "dịch vụ được bố trí", 2000);
    fields.requiredText("record_provider", "đơn vị cung cấp dịch vụ", 300);
    LocalDate start = fields.requiredDate("record_serviceStart", "ngày bắt đầu dịch vụ");
    fields.check(start == null || !start.isBefore(EngineTime.today().minusYears(1)),
        "Ngày bắt đầu dịch vụ không được trước ngày hôm nay quá một năm.");
    submission.record(Map.of(ChildPathway.VAR_LEAD_AGENCY_KIND,
        String.valueOf(task.getVariable(ChildPathway.VAR_LEAD_AGENCY_KIND))));
    submission.route(ChildPathway.VAR_FOLLOW_UP_FROM, EngineTime.morningOf(start));
  }
}
