package vn.nangbuoc.routing;

import java.sql.Timestamp;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.nangbuoc.engine.EngineLimits;
import vn.nangbuoc.engine.EngineTime;
import vn.nangbuoc.casefile.CaseFileService;

/**
 * Fired by the escalation timer of an overdue task: raises the priority of the case's overdue
 * tasks (they rise to the top of the task lists), records the escalation and announces it (the
 * notifications write to the head of the responsible agency).
 */
@Component("escalateOverdueTasksDelegate")
class EscalateOverdueTasksDelegate implements JavaDelegate {

  static final int ESCALATED_PRIORITY = 75;
  static final int PRIORITY_STEP = 10;
  static final int MAX_PRIORITY = 100;

  private final TaskService taskService;
  private final JdbcClient jdbc;
  private final CaseFileService caseFiles;
  private final TaskRouting routing;
  private final ApplicationEventPublisher events;

  EscalateOverdueTasksDelegate(TaskService taskService, JdbcClient jdbc, CaseFileService caseFiles, TaskRouting routing,
      ApplicationEventPublisher events) {
    this.taskService = taskService;
    this.jdbc = jdbc;
    this.caseFiles = caseFiles;
    this.routing = routing;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date now = Date.from(EngineTime.now());
    long caseId = caseFiles.getByProcessInstance(execution.getProcessInstanceId()).id();
    for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .dueBefore(now).listPage(0, EngineLimits.SMALL_LIST)) {
      int priority = task.getPriority() < ESCALATED_PRIORITY
          ? ESCALATED_PRIORITY
          : Math.min(MAX_PRIORITY, task.getPriority() + PRIORITY_STEP);
      taskService.setPriority(task.getId(), priority);
      jdbc.sql("insert into task_escalation (case_id, task_id, task_key, due_at, escalated_at, priority)"
              + " values (?, ?, ?, ?, ?, ?)")
          .params(caseId, task.getId(), task.getTaskDefinitionKey(), new Timestamp(task.getDueDate().getTime()),
              Timestamp.from(EngineTime.now()), priority)
          .update();
      int round = jdbc.sql("select count(*) from task_escalation where task_id = ?").param(task.getId())
          .query(Integer.class).single();
      Route route = routing.routeFor(task.getTaskDefinitionKey(), execution.getProcessInstanceId());
      events.publishEvent(new TaskEscalated(task.getId(), execution.getProcessInstanceId(), task.getName(),
          task.getDueDate(), round, route.agency().agencyId(), route.agency().agencyName()));
    }
  }
}
