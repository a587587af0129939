package vn.nangbuoc.pathway;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.engine.SensitiveData;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.system.EngineTime;

/**
 * One completion of a pathway task, as its complete listener sees it: who submits, for which case,
 * with which fields. Listeners read and check everything first, then record and route.
 */
public final class TaskSubmission {

  private final DelegateTask task;
  private final CaseFile caseFile;
  private final String actor;
  private final TaskSubmissions services;
  private final FieldReader fields;

  TaskSubmission(DelegateTask task, CaseFile caseFile, String actor, TaskSubmissions services) {
    this.task = task;
    this.caseFile = caseFile;
    this.actor = actor;
    this.services = services;
    this.fields = FieldReader.of(task::getVariable, "");
  }

  public FieldReader fields() {
    return fields;
  }

  public CaseFile caseFile() {
    return caseFile;
  }

  public long caseId() {
    return caseFile.id();
  }

  public String actor() {
    return actor;
  }

  public DelegateTask task() {
    return task;
  }

  /** The groups routing chose for the task: not its candidate links, which can be added by hand. */
  public List<String> routedGroups() {
    return services.workers().routedGroupsOf(task.getId());
  }

  /**
   * A process variable the gateways read; always set typed, whatever the form sent, and on the
   * process instance, where no variable local to the task's scope can shadow it.
   */
  public void route(String variable, Object value) {
    task.getExecution().getProcessInstance().setVariable(variable, value);
  }

  /**
   * Checks every rule collected so far, then appends what the user entered (and {@code extra}) to
   * the case's step records and removes the sensitive fields from the engine.
   */
  public void record(Map<String, Object> extra) {
    fields.throwIfInvalid();
    Map<String, Object> data = new LinkedHashMap<>();
    fields.values().forEach((name, value) -> data.put(stripPrefix(name), value));
    data.putAll(extra);
    Instant now = EngineTime.now();
    services.records().append(caseFile.id(), task.getTaskDefinitionKey(), task.getId(), actor, now, data);
    services.events().publishEvent(new TaskCompleted(caseFile.id(), task.getTaskDefinitionKey(), task.getId(),
        task.getDueDate(), now, routedGroups()));
    // until the next task starts (and routing names it) the case waits on no one's work
    services.caseFiles().currentStep(caseFile.id(), null);
    clearSensitiveFields();
  }

  public void record() {
    record(Map.of());
  }

  private void clearSensitiveFields() {
    for (String name : List.copyOf(task.getVariableNames())) {
      if (SensitiveData.isSensitiveVariable(name)) {
        task.removeVariable(name);
      }
    }
  }

  private static String stripPrefix(String name) {
    return SensitiveData.isSensitiveVariable(name) ? name.substring(SensitiveData.FIELD_PREFIX.length()) : name;
  }

  /**
   * Members of the group routing chose for the task may complete it; an administrator, whose engine rights would
   * allow it, or a group or person added to the task by hand, may not do a caseworker's work.
   */
  void requireResponsibleActor() {
    if (!services.workers().mayWork(actor, task.getId(), caseFile.communeCode())) {
      throw new InvalidInputException("Bạn không thuộc cơ quan được giao công việc này, nên không hoàn thành được.");
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(actor)) {
      throw new InvalidInputException("Công việc này đang do người khác nhận xử lý: chỉ người đã nhận việc mới"
          + " hoàn thành được. Hãy nhờ họ trả việc.");
    }
  }
}
