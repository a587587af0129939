package vn.nangbuoc.escalation;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.system.EngineTime;

/**
 * The timeout listener {@link OverdueTimeout} gives every user task: its timer fires at the task's due
 * date and again at every interval after it, and each time the task, if still overdue, is escalated.
 */
@Component(OverdueTimeout.LISTENER_BEAN)
class OverdueTaskListener implements TaskListener {

  private final TaskEscalations escalations;

  OverdueTaskListener(TaskEscalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public void notify(DelegateTask task) {
    Instant now = EngineTime.now();
    if (EscalationRule.isOverdue(task.getDueDate(), now)) {
      escalations.escalate(OverdueTask.of(task), now);
    }
  }
}
