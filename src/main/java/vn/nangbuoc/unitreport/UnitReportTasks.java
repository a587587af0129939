package vn.nangbuoc.unitreport;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.nangbuoc.engine.SensitiveData;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.security.RoutedGroups;

/**
 * What every completion of a report's task checks first, as a child's task does: who submits, that they are in the
 * group routing chose for the task ({@link RoutedGroups}, while it serves the report's unit: a group or person
 * added to the task by hand counts for nothing) and hold the claim if there is one. Then, after the listener has
 * recorded, what the form typed leaves the engine.
 */
@Component
class UnitReportTasks {

  /** The submitter of a task and the report it belongs to. */
  record Submission(String actor, UnitReportRow report) {
  }

  private final IdentityService identityService;
  private final OrganisationDirectory organisation;
  private final UnitReportRecords records;
  private final RoutedGroups routedGroups;

  UnitReportTasks(IdentityService identityService, OrganisationDirectory organisation, UnitReportRecords records,
      RoutedGroups routedGroups) {
    this.routedGroups = routedGroups;
    this.identityService = identityService;
    this.organisation = organisation;
    this.records = records;
  }

  Submission open(DelegateTask task) {
    Authentication authentication = identityService.getCurrentAuthentication();
    String actor = authentication != null ? authentication.getUserId() : task.getAssignee();
    if (actor == null) {
      throw new InvalidInputException("Không xác định được người thực hiện: hãy đăng nhập rồi thử lại.");
    }
    UnitReportRow report = records.byProcessInstance(task.getProcessInstanceId()).orElseThrow();
    List<String> serving = organisation.groupsServing(report.unitCode());
    List<String> routed = routedGroups.of(task.getId()).stream().filter(serving::contains).toList();
    if (!routedGroups.isMemberOfAny(actor, routed)) {
      throw new InvalidInputException("Bạn không thuộc cơ quan được giao công việc này, nên không hoàn thành được.");
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(actor)) {
      throw new InvalidInputException("Công việc này đang do người khác nhận xử lý: chỉ người đã nhận việc mới"
          + " hoàn thành được. Hãy nhờ họ trả việc.");
    }
    return new Submission(actor, report);
  }

  /** The typed fields are in the report's tables now; the engine keeps none of them. */
  static void clearTypedFields(DelegateTask task) {
    for (String name : List.copyOf(task.getVariableNames())) {
      if (SensitiveData.isSensitiveVariable(name)) {
        task.removeVariable(name);
      }
    }
  }

  /** A gateway's variable, on the process instance where no task-local variable shadows it. */
  static void route(DelegateTask task, String variable, String value) {
    task.getExecution().getProcessInstance().setVariable(variable, value);
  }
}
