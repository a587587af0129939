package vn.nangbuoc.escalation;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;

/** What an escalation needs of a task, whether a listener was handed it or a query found it. */
record OverdueTask(String id, String key, String name, Date dueDate, int priority, String processInstanceId) {

  static OverdueTask of(DelegateTask task) {
    return new OverdueTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getDueDate(),
        task.getPriority(), task.getProcessInstanceId());
  }

  static OverdueTask found(Task task) {
    return new OverdueTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getDueDate(),
        task.getPriority(), task.getProcessInstanceId());
  }
}
