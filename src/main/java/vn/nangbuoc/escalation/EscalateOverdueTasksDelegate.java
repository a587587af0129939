package vn.nangbuoc.escalation;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.nangbuoc.system.EngineLimits;
import vn.nangbuoc.system.EngineTime;

/**
 * The escalation of the pathway's versions deployed before issue 18, whose every user task had a
 * "Quá hạn" boundary timer throwing an escalation to the event subprocess that calls this bean.
 * Their running instances still do, until they end: keep the bean (and its name) as long as any of
 * them runs. It escalates every overdue task of the instance; newer versions use
 * {@link OverdueTaskListener} instead.
 */
@Component("escalateOverdueTasksDelegate")
class EscalateOverdueTasksDelegate implements JavaDelegate {

  private final TaskService taskService;
  private final TaskEscalations escalations;

  EscalateOverdueTasksDelegate(TaskService taskService, TaskEscalations escalations) {
    this.taskService = taskService;
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = EngineTime.now();
    for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .dueBefore(Date.from(now)).listPage(0, EngineLimits.SMALL_LIST)) {
      escalations.escalate(OverdueTask.found(task), now);
    }
  }
}
