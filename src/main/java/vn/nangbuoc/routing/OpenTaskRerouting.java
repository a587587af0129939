package vn.nangbuoc.routing;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.pathway.TaskTitle;
import vn.nangbuoc.security.CaseAuthorizations;
import vn.nangbuoc.system.EngineLimits;
import vn.nangbuoc.system.EngineSystem;

/**
 * Every open task of a pathway goes to whoever serves it now (the child moved, or the organisation
 * changed). A claim is released unless its holder belongs to the new group: a person whose membership
 * moved with the work keeps it. Due dates stay: the deadline was promised to the family. The engine keeps
 * a task's authorizations when its candidate group or assignee changes, so the rights of the old ones
 * are withdrawn here too.
 */
@Service
public class OpenTaskRerouting {

  private final TaskRouting routing;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final EngineSystem system;
  private final ApplicationEventPublisher events;
  private final CaseRoutingFacts facts;
  private final CaseAuthorizations caseAuthorizations;
  private final TaskTitles titles;
  private final CaseFileService caseFiles;

  OpenTaskRerouting(TaskRouting routing, TaskService taskService, IdentityService identityService,
      EngineSystem system, ApplicationEventPublisher events, CaseRoutingFacts facts,
      CaseAuthorizations caseAuthorizations, TaskTitles titles, CaseFileService caseFiles) {
    this.titles = titles;
    this.caseFiles = caseFiles;
    this.routing = routing;
    this.taskService = taskService;
    this.identityService = identityService;
    this.system = system;
    this.events = events;
    this.facts = facts;
    this.caseAuthorizations = caseAuthorizations;
  }

  /** Re-routes the pathway's open tasks and withdraws stale rights; answers how many tasks changed group. */
  public int reroute(String processInstanceId) {
    return system.call(() -> {
      int changed = 0;
      for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId)
          .listPage(0, EngineLimits.SMALL_LIST)) {
        if (rerouteOne(task, processInstanceId)) {
          changed++;
        }
      }
      caseAuthorizations.withdrawStale(processInstanceId, facts.of(processInstanceId).communeCode());
      return changed;
    });
  }

  private boolean rerouteOne(Task task, String processInstanceId) {
    Route route = routing.routeFor(task.getTaskDefinitionKey(), processInstanceId);
    String newGroup = route.agency().groupId();
    Set<String> groups = new HashSet<>();
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    String title = titles.of(TaskTitle.step(task.getName()), caseFiles.getByProcessInstance(processInstanceId));
    boolean sameGroup = groups.equals(Set.of(newGroup));
    if (sameGroup && title.equals(task.getName())) {
      return false;
    }
    if (sameGroup) {
      // same group, another commune's name (the child moved within the group's area)
      task.setName(title);
      taskService.saveTask(task);
      return false;
    }
    groups.stream().filter(group -> !group.equals(newGroup))
        .forEach(group -> taskService.deleteCandidateGroup(task.getId(), group));
    if (!groups.contains(newGroup)) {
      taskService.addCandidateGroup(task.getId(), newGroup);
    }
    // changing the candidates changed the task's row: it is read again before it is saved
    Task changed = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    changed.setName(title);
    changed.setDescription(TaskRoutingListener.describe(route));
    if (changed.getAssignee() != null && identityService.createUserQuery().userId(changed.getAssignee())
        .memberOfGroup(newGroup).count() == 0) {
      changed.setAssignee(null);
    }
    taskService.saveTask(changed);
    events.publishEvent(new TaskRouted(task.getId(), task.getProcessInstanceId(), TaskTitle.step(title),
        task.getDueDate(),
        newGroup, route.agency().agencyName()));
    return true;
  }
}
