package vn.nangbuoc.routing;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.engine.EngineLimits;
import vn.nangbuoc.engine.EngineSystem;
import vn.nangbuoc.pathway.ChildPathway;

/**
 * The child moved: the case file already names the new commune. Point the routing variable at it
 * and hand every open task to whoever serves the new commune; a claim by the old commune's staff
 * is released, since they no longer work on this child.
 */
@Component("rerouteOpenTasksDelegate")
class RerouteOpenTasksDelegate implements JavaDelegate {

  private final CaseFileService caseFiles;
  private final TaskRouting routing;
  private final TaskService taskService;
  private final EngineSystem system;

  RerouteOpenTasksDelegate(CaseFileService caseFiles, TaskRouting routing, TaskService taskService,
      EngineSystem system) {
    this.caseFiles = caseFiles;
    this.routing = routing;
    this.taskService = taskService;
    this.system = system;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the mover had the right to move the child (checked by the API); re-routing is the system's work
    system.run(() -> reroute(execution));
  }

  private void reroute(DelegateExecution execution) {
    long caseId = ((Number) execution.getVariable(ChildPathway.VAR_CASE_ID)).longValue();
    String commune = caseFiles.get(caseId).communeCode();
    execution.setVariable(ChildPathway.VAR_COMMUNE_CODE, commune);
    Object cost = execution.getVariable(ChildPathway.VAR_ESTIMATED_COST);
    for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).listPage(0, EngineLimits.SMALL_LIST)) {
      String newGroup = routing.route(task.getTaskDefinitionKey(), commune,
          cost instanceof Number n ? n.longValue() : null).agency().groupId();
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
        if (task.getAssignee() != null) {
          taskService.setAssignee(task.getId(), null);
        }
      }
    }
  }
}
