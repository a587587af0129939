package vn.nangbuoc.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
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
  private final CaseRoutingFacts facts;
  private final CaseAuthorizations caseAuthorizations;
  private final TaskTitles titles;
  private final CaseFileService caseFiles;

  OpenTaskRerouting(TaskRouting routing, TaskService taskService, IdentityService identityService,
      EngineSystem system, CaseRoutingFacts facts,
      CaseAuthorizations caseAuthorizations, TaskTitles titles, CaseFileService caseFiles) {
    this.titles = titles;
    this.caseFiles = caseFiles;
    this.routing = routing;
    this.taskService = taskService;
    this.identityService = identityService;
    this.system = system;
    this.facts = facts;
    this.caseAuthorizations = caseAuthorizations;
  }

  /**
   * Re-routes the pathway's open tasks and withdraws stale rights; answers the tasks that went to another
   * group, for the caller to announce.
   */
  public List<TaskRouted> reroute(String processInstanceId) {
    return system.call(() -> {
      List<TaskRouted> changed = rerouteTasks(processInstanceId);
      caseAuthorizations.withdrawStale(processInstanceId, facts.of(processInstanceId).communeCode());
      return changed;
    });
  }

  /**
   * Re-routes the pathway's open tasks and leaves the rights to the caller: a reorganisation sets those of a
   * whole batch at once ({@link CaseAuthorizations#recomputeRunning}). Answers the tasks that went to another
   * group, counted per group by a reorganisation, announced one by one when a child moved.
   */
  public List<TaskRouted> rerouteTasks(String processInstanceId) {
    return system.call(() -> {
      List<TaskRouted> changed = new ArrayList<>();
      for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId)
          .listPage(0, EngineLimits.SMALL_LIST)) {
        rerouteOne(task, processInstanceId).ifPresent(changed::add);
      }
      return changed;
    });
  }

  private Optional<TaskRouted> rerouteOne(Task task, String processInstanceId) {
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
      return Optional.empty();
    }
    if (sameGroup) {
      // same group, another commune's name (the child moved within the group's area)
      task.setName(title);
      taskService.saveTask(task);
      return Optional.empty();
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
    return Optional.of(new TaskRouted(task.getId(), task.getProcessInstanceId(), TaskTitle.step(title),
        task.getDueDate(), newGroup, route.agency().agencyName()));
  }
}
