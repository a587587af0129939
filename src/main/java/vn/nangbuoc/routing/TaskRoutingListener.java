package vn.nangbuoc.routing;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.pathway.ChildPathway;

/**
 * On every pathway user task: clears what the task is to decide (an earlier round's answer must
 * not stand for this one), then hands the task to the responsible agency's group, with its due date.
 */
@Component("taskRoutingListener")
class TaskRoutingListener implements TaskListener {

  static final int NORMAL_PRIORITY = 50;

  private final TaskRouting routing;
  private final TaskDeadlines deadlines;

  TaskRoutingListener(TaskRouting routing, TaskDeadlines deadlines) {
    this.routing = routing;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    ChildPathway.TASK_DECISIONS.getOrDefault(task.getTaskDefinitionKey(), List.of())
        .forEach(decision -> task.getExecution().getProcessInstance().removeVariable(decision));
    Route route = routing.routeFor(task.getTaskDefinitionKey(), task.getProcessInstanceId());
    task.addCandidateGroup(route.agency().groupId());
    task.setDueDate(deadlines.dueDate(task.getExecution()));
    task.setPriority(NORMAL_PRIORITY);
    task.setDescription(describe(route));
  }

  static String describe(Route route) {
    return "Cơ quan phụ trách: " + route.agency().agencyName();
  }
}
