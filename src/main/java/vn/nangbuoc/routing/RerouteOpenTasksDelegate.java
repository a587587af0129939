package vn.nangbuoc.routing;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.nangbuoc.security.CaseAuthorizations;
import vn.nangbuoc.system.EngineLimits;
import vn.nangbuoc.system.EngineSystem;

/**
 * The child moved: the case file already names the new commune. Every open task goes to whoever
 * serves it now; a claim by the old commune's staff is released, since they no longer work on this
 * child. Due dates stay: the deadline was promised to the family. The engine keeps a task's
 * authorizations when its candidate group or assignee changes, so the rights of the old ones are
 * withdrawn here too.
 */
@Component("rerouteOpenTasksDelegate")
class RerouteOpenTasksDelegate implements JavaDelegate {

  private final TaskRouting routing;
  private final TaskService taskService;
  private final EngineSystem system;
  private final ApplicationEventPublisher events;
  private final CaseRoutingFacts facts;
  private final CaseAuthorizations caseAuthorizations;

  RerouteOpenTasksDelegate(TaskRouting routing, TaskService taskService, EngineSystem system,
      ApplicationEventPublisher events, CaseRoutingFacts facts, CaseAuthorizations caseAuthorizations) {
    this.routing = routing;
    this.taskService = taskService;
    this.system = system;
    this.events = events;
    this.facts = facts;
    this.caseAuthorizations = caseAuthorizations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the mover had the right to move the child (checked by the API); re-routing is the system's work
    system.run(() -> reroute(execution));
  }

  private void reroute(DelegateExecution execution) {
    for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .listPage(0, EngineLimits.SMALL_LIST)) {
      Route route = routing.routeFor(task.getTaskDefinitionKey(), execution.getProcessInstanceId());
      String newGroup = route.agency().groupId();
      boolean changed = false;
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
            && !link.getGroupId().equals(newGroup)) {
          taskService.deleteCandidateGroup(task.getId(), link.getGroupId());
          changed = true;
        }
      }
      if (changed) {
        taskService.addCandidateGroup(task.getId(), newGroup);
        task.setDescription(TaskRoutingListener.describe(route));
        task.setAssignee(null);
        taskService.saveTask(task);
        events.publishEvent(new TaskRouted(task.getId(), task.getProcessInstanceId(), task.getName(), task.getDueDate(),
            newGroup, route.agency().agencyName()));
      }
    }
    caseAuthorizations.withdrawStale(execution.getProcessInstanceId(),
        facts.of(execution.getProcessInstanceId()).communeCode());
  }
}
