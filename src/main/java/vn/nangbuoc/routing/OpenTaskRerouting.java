package vn.nangbuoc.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.pathway.TaskTitle;
import vn.nangbuoc.security.CaseAuthorizations;
import vn.nangbuoc.security.RoutedGroups;
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
  private final JdbcClient jdbc;
  private final RoutedGroups routedGroups;
  private final ReroutedTaskWrites taskWrites;

  OpenTaskRerouting(TaskRouting routing, TaskService taskService, IdentityService identityService,
      EngineSystem system, CaseRoutingFacts facts, CaseAuthorizations caseAuthorizations, TaskTitles titles,
      CaseFileService caseFiles, JdbcClient jdbc, RoutedGroups routedGroups, ReroutedTaskWrites taskWrites) {
    this.taskWrites = taskWrites;
    this.jdbc = jdbc;
    this.routedGroups = routedGroups;
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
      List<TaskRouted> changed = rerouteTasks(List.of(processInstanceId));
      caseAuthorizations.withdrawStale(processInstanceId, facts.of(processInstanceId).communeCode());
      return changed;
    });
  }

  /**
   * Re-routes the open tasks of these pathways and leaves the rights to the caller: a reorganisation sets
   * those of a whole batch at once ({@link CaseAuthorizations#recomputeRunning}). The tasks are read in one
   * query and their candidate groups in one more; each task changes through the engine's API. Answers the
   * tasks that went to another group, counted per group by a reorganisation, announced one by one when a
   * child moved.
   */
  public List<TaskRouted> rerouteTasks(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    return system.call(() -> {
      List<Task> tasks = openTasks(processInstanceIds);
      Map<String, Set<String>> candidates = candidateGroups(tasks);
      List<TaskRouted> changed = new ArrayList<>();
      for (Task task : tasks) {
        rerouteOne(task, candidates.getOrDefault(task.getId(), Set.of())).ifPresent(changed::add);
      }
      return changed;
    });
  }

  /**
   * {@link #rerouteTasks} for a reorganisation's batch, the same routes with the engine's rows written in SQL
   * for the whole batch ({@link ReroutedTaskWrites}, proven by ReroutedTaskWritesTest) instead of three engine
   * commands a task, each with its history and grants. Nothing is announced or published, as by rerouteTasks.
   */
  public List<TaskRouted> rerouteTasksInSql(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return List.of();
    }
    return system.call(() -> {
      List<Task> tasks = openTasks(processInstanceIds);
      Map<String, Set<String>> candidates = candidateGroups(tasks);
      List<ReroutedTaskWrites.Change> writes = new ArrayList<>();
      List<TaskRouted> changed = new ArrayList<>();
      Map<String, Route> routes = new HashMap<>();
      for (Task task : tasks) {
        Route route = routing.routeFor(task.getTaskDefinitionKey(), task.getProcessInstanceId());
        routes.put(task.getId(), route);
      }
      Set<String> members = members(tasks, routes);
      for (Task task : tasks) {
        Route route = routes.get(task.getId());
        String newGroup = route.agency().groupId();
        Set<String> groups = candidates.getOrDefault(task.getId(), Set.of());
        String title = titles.of(TaskTitle.step(task.getName()),
            caseFiles.getByProcessInstance(task.getProcessInstanceId()));
        boolean sameGroup = groups.equals(Set.of(newGroup));
        if (sameGroup && title.equals(task.getName())) {
          continue;
        }
        TaskEntity entity = (TaskEntity) task;
        if (sameGroup) {
          writes.add(new ReroutedTaskWrites.Change(task.getId(), entity.getRevision(), task.getProcessInstanceId(),
              task.getProcessDefinitionId(), task.getTenantId(), title, task.getDescription(), task.getAssignee(),
              null, Set.of(), null));
          continue;
        }
        String assignee = task.getAssignee();
        boolean keepsClaim = assignee == null || members.contains(assignee + "/" + newGroup);
        Set<String> removed = new TreeSet<>(groups);
        removed.remove(newGroup);
        writes.add(new ReroutedTaskWrites.Change(task.getId(), entity.getRevision(), task.getProcessInstanceId(),
            task.getProcessDefinitionId(), task.getTenantId(), title, TaskRoutingListener.describe(route),
            keepsClaim ? assignee : null, keepsClaim ? null : assignee, removed,
            groups.contains(newGroup) ? null : newGroup));
        changed.add(new TaskRouted(task.getId(), task.getProcessInstanceId(), TaskTitle.step(title),
            task.getDueDate(), newGroup, route.agency().agencyName()));
      }
      taskWrites.write(writes);
      // the new groups are the tasks' routed groups from now on, the old ones are not (in this transaction)
      routedGroups.routeAll(changed.stream()
          .map(t -> new RoutedGroups.Choice(t.taskId(), t.processInstanceId(), t.groupId())).toList());
      return changed;
    });
  }

  /** Which assignees of the tasks are members of the group their task goes to: "user/group", one query. */
  private Set<String> members(List<Task> tasks, Map<String, Route> routes) {
    Set<String> users = new HashSet<>();
    Set<String> groups = new HashSet<>();
    tasks.stream().filter(task -> task.getAssignee() != null).forEach(task -> {
      users.add(task.getAssignee());
      groups.add(routes.get(task.getId()).agency().groupId());
    });
    Set<String> members = new HashSet<>();
    if (users.isEmpty()) {
      return members;
    }
    jdbc.sql("select user_id_, group_id_ from ACT_ID_MEMBERSHIP where user_id_ in (:users) and group_id_ in (:groups)")
        .param("users", users).param("groups", groups)
        .query((rs, n) -> members.add(rs.getString(1) + "/" + rs.getString(2))).list();
    return members;
  }

  private List<Task> openTasks(Collection<String> processInstanceIds) {
    List<Task> tasks = new ArrayList<>();
    String[] ids = processInstanceIds.toArray(String[]::new);
    for (int first = 0; ; first += EngineLimits.SMALL_LIST) {
      List<Task> page = taskService.createTaskQuery().processInstanceIdIn(ids).orderByTaskId().asc()
          .listPage(first, EngineLimits.SMALL_LIST);
      tasks.addAll(page);
      if (page.size() < EngineLimits.SMALL_LIST) {
        return tasks;
      }
    }
  }

  /** The candidate groups of the tasks, read from the engine's identity links in one query. */
  private Map<String, Set<String>> candidateGroups(List<Task> tasks) {
    Map<String, Set<String>> groups = new HashMap<>();
    List<String> ids = tasks.stream().map(Task::getId).toList();
    for (int first = 0; first < ids.size(); first += 500) {
      jdbc.sql("select task_id_, group_id_ from ACT_RU_IDENTITYLINK where type_ = :candidate"
              + " and group_id_ is not null and task_id_ in (:tasks)")
          .param("candidate", IdentityLinkType.CANDIDATE)
          .param("tasks", ids.subList(first, Math.min(ids.size(), first + 500)))
          .query((rs, n) -> groups.computeIfAbsent(rs.getString(1), task -> new HashSet<>()).add(rs.getString(2)))
          .list();
    }
    return groups;
  }

  private Optional<TaskRouted> rerouteOne(Task task, Set<String> groups) {
    String processInstanceId = task.getProcessInstanceId();
    Route route = routing.routeFor(task.getTaskDefinitionKey(), processInstanceId);
    String newGroup = route.agency().groupId();
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
    // the task's own fields first, then its candidates: each command reads the task as the one before left it
    task.setName(title);
    task.setDescription(TaskRoutingListener.describe(route));
    if (task.getAssignee() != null && identityService.createUserQuery().userId(task.getAssignee())
        .memberOfGroup(newGroup).count() == 0) {
      task.setAssignee(null);
    }
    taskService.saveTask(task);
    groups.stream().filter(group -> !group.equals(newGroup))
        .forEach(group -> taskService.deleteCandidateGroup(task.getId(), group));
    if (!groups.contains(newGroup)) {
      taskService.addCandidateGroup(task.getId(), newGroup);
    }
    // the new group is the task's routed group from now on, the old one is not (in this transaction)
    routedGroups.route(task.getId(), processInstanceId, newGroup);
    return Optional.of(new TaskRouted(task.getId(), processInstanceId, TaskTitle.step(title), task.getDueDate(),
        newGroup, route.agency().agencyName()));
  }
}
