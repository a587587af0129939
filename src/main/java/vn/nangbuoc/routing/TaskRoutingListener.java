package vn.nangbuoc.routing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.pathway.ChildPathway;

/** On every pathway user task: hands it to the responsible agency's group, with its due date. */
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
    Object cost = task.getVariable(ChildPathway.VAR_ESTIMATED_COST);
    Route route = routing.route(task.getTaskDefinitionKey(), (String) task.getVariable(ChildPathway.VAR_COMMUNE_CODE),
        cost instanceof Number n ? n.longValue() : null);
    task.addCandidateGroup(route.agency().groupId());
    task.setDueDate(deadlines.dueDate(task.getExecution()));
    task.setPriority(NORMAL_PRIORITY);
    task.setDescription("Cơ quan phụ trách: " + route.agency().agencyName());
  }
}
