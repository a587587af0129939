package vn.nangbuoc.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.nangbuoc.database.DatabaseProduct;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.system.EngineLimits;
import vn.nangbuoc.system.EngineSystem;

/**
 * A child's pathway is visible to the agencies whose area includes the child's commune, and to
 * nobody else: the commune's own staff, the city's offices, the province's. When the child moves,
 * the old commune loses sight of the case and the new one gains it: of the instance, its history,
 * its open tasks (the engine grants a task to its candidate groups and its assignee, and removing a
 * candidate group or an assignee does not take that right back) and its finished tasks.
 */
@Service
public class CaseAuthorizations {

  /** Each resource with its own READ: the engine refuses the generic one for historic instances. */
  private static final Map<Resource, Permission> CASE_READ = Map.of(
      Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ,
      Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ);

  private final AuthorizationService authorizations;
  private final OrganisationDirectory organisation;
  private final EngineSystem system;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final RoutedGroups routedGroups;
  private final DatabaseProduct database;

  CaseAuthorizations(AuthorizationService authorizations, OrganisationDirectory organisation, EngineSystem system,
      TaskService taskService, HistoryService historyService, IdentityService identityService, JdbcClient jdbc,
      JdbcTemplate jdbcTemplate, DatabaseProduct database, RoutedGroups routedGroups) {
    this.routedGroups = routedGroups;
    this.database = database;
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.authorizations = authorizations;
    this.organisation = organisation;
    this.system = system;
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
  }

  public void open(String processInstanceId, String communeCode) {
    system.run(() -> organisation.groupsServing(communeCode).forEach(group -> grantRead(group, processInstanceId)));
  }

  /**
   * After the organisation changed (a reorganisation): the groups serving the child's commune now read the
   * case and its history, whatever was granted before; every other right goes ({@link #withdrawStale}).
   * Safe to run twice. Through the engine's API, a command or a query a right: a reorganisation's batches use
   * {@link #recomputeRunning} and {@link #recomputeEnded}, which leave the same rows (BatchRightsTest).
   */
  public void recompute(String processInstanceId, String communeCode) {
    system.run(() -> {
      grantMissingReads(processInstanceId, communeCode);
      withdrawStale(processInstanceId, communeCode);
    });
  }

  /**
   * The first half of {@link #recompute}: the groups serving the commune get the read rights they lack on the
   * case and its history; nothing is taken.
   */
  private void grantMissingReads(String processInstanceId, String communeCode) {
    system.run(() -> {
      List<String> serving = organisation.groupsServing(communeCode);
      CASE_READ.forEach((resource, permission) -> {
        Set<String> granted = new HashSet<>();
        authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
            .resourceType(resource).resourceId(processInstanceId).list()
            .forEach(authorization -> granted.add(authorization.getGroupId()));
        serving.stream().filter(group -> !granted.contains(group))
            .forEach(group -> grant(group, resource, permission, processInstanceId));
      });
    });
  }

  /**
   * {@link #recompute} for pathways that ended, whose children live in one commune now: a batch of a
   * reorganisation at a time. An ended pathway has no open task: its rights are the reads on the instance, its
   * history and its finished tasks, which change here in one statement each way for the whole batch instead of
   * some forty engine queries a case.
   */
  public void recomputeEnded(Collection<String> processInstanceIds, String communeCode) {
    if (processInstanceIds.isEmpty()) {
      return;
    }
    List<String> serving = organisation.groupsServing(communeCode);
    withdrawStaleOnCasesAndHistory(processInstanceIds, serving);
    grantMissingReads(processInstanceIds, serving);
  }

  /**
   * {@link #recompute} for running pathways whose children live in one commune now and whose open tasks were
   * re-routed already (a batch of a reorganisation): the same rights {@link #grantMissingReads(String, String)}
   * and {@link #withdrawStale} leave, set in a few statements for the batch instead of the engine queries of
   * every right of every case. An open task keeps the rights of the groups routing chose for it now
   * ({@link RoutedGroups}) that serve the commune, and of its assignee and owner if they are in one of the
   * commune's groups.
   */
  public void recomputeRunning(Collection<String> processInstanceIds, String communeCode) {
    if (processInstanceIds.isEmpty()) {
      return;
    }
    List<String> serving = organisation.groupsServing(communeCode);
    withdrawStaleOnCasesAndHistory(processInstanceIds, serving);
    // no group is called "": a commune nobody serves keeps no reader, as in withdrawStale
    List<String> kept = serving.isEmpty() ? List.of("") : serving;
    jdbc.sql("delete from ACT_RU_AUTHORIZATION where type_ <> :global and resource_type_ = :task"
            + " and resource_id_ in (select t.id_ from ACT_RU_TASK t where t.proc_inst_id_ in (:pids))"
            + " and ((group_id_ is not null and (group_id_ not in (:kept) or not exists (select 1"
            + " from task_routed_group r where r.task_id = ACT_RU_AUTHORIZATION.resource_id_"
            + " and r.group_id = ACT_RU_AUTHORIZATION.group_id_)))"
            + " or (group_id_ is null and (not exists (select 1 from ACT_RU_TASK t"
            + " where t.id_ = ACT_RU_AUTHORIZATION.resource_id_ and (t.assignee_ = ACT_RU_AUTHORIZATION.user_id_"
            + " or t.owner_ = ACT_RU_AUTHORIZATION.user_id_)) or not exists (select 1 from ACT_ID_MEMBERSHIP m"
            + " where m.user_id_ = ACT_RU_AUTHORIZATION.user_id_ and m.group_id_ in (:kept)))))")
        .param("global", Authorization.AUTH_TYPE_GLOBAL).param("task", Resources.TASK.resourceType())
        .param("pids", processInstanceIds).param("kept", kept)
        .update();
    grantMissingReads(processInstanceIds, serving);
  }

  /**
   * The serving groups' missing reads on the instances and their history, inserted as the engine's
   * saveAuthorization writes them: a new id, read permission, and on the history the root instance and removal time
   * of the historic instance (so that the history cleanup takes them with it). One statement a resource for the
   * batch, the rows made by the database: binding each of some 4,000 grants a batch of closed cases needed took
   * an eighth of the apply's time (docs/performance.md, issue 19).
   */
  private void grantMissingReads(Collection<String> processInstanceIds, List<String> serving) {
    if (serving.isEmpty()) {
      return;
    }
    String groups = String.join(", ", serving.stream().map(group -> "(cast(? as varchar(64)))").toList());
    String id = database.postgres() ? "cast(gen_random_uuid() as varchar)" : "cast(random_uuid() as varchar)";
    CASE_READ.forEach((resource, permission) -> {
      boolean history = resource == Resources.HISTORIC_PROCESS_INSTANCE;
      // in the order of the statement's parameters
      List<Object> params = new ArrayList<>(List.of(Authorization.AUTH_TYPE_GRANT, resource.resourceType(),
          permission.getValue()));
      params.addAll(serving);
      params.addAll(List.of(Authorization.AUTH_TYPE_GRANT, resource.resourceType()));
      params.addAll(processInstanceIds);
      jdbcTemplate.update("insert into ACT_RU_AUTHORIZATION (id_, rev_, type_, group_id_, user_id_, resource_type_,"
          + " resource_id_, perms_, root_proc_inst_id_, removal_time_) select " + id + ", 1, ?, g.group_id, null, ?,"
          + " h.id_, ?, " + (history ? "h.root_proc_inst_id_, h.removal_time_" : "null, null")
          + " from (values " + groups + ") g (group_id) cross join ACT_HI_PROCINST h"
          + " where not exists (select 1 from ACT_RU_AUTHORIZATION a where a.type_ = ? and a.resource_type_ = ?"
          + " and a.resource_id_ = h.id_ and a.group_id_ = g.group_id) and h.id_ in ("
          + String.join(", ", processInstanceIds.stream().map(pid -> "?").toList()) + ")", params.toArray());
    });
  }

  /**
   * {@link #withdrawStale} on the instances, their history and their tasks' history: every grant (or refusal)
   * of a group not serving the commune, or of a user in none of its groups, goes.
   */
  private void withdrawStaleOnCasesAndHistory(Collection<String> processInstanceIds, List<String> serving) {
    deleteStale("resource_type_ in (:types) and resource_id_ in (:pids)",
        CASE_READ.keySet().stream().map(Resource::resourceType).toList(), processInstanceIds, serving);
    deleteStale("resource_type_ in (:types) and resource_id_ in (select h.id_ from ACT_HI_TASKINST h"
        + " where h.proc_inst_id_ in (:pids))", List.of(Resources.HISTORIC_TASK.resourceType()), processInstanceIds,
        serving);
  }

  private void deleteStale(String resources, List<Integer> types, Collection<String> processInstanceIds,
      List<String> serving) {
    // no group is called "": a commune nobody serves keeps no reader, as in withdrawStale
    List<String> kept = serving.isEmpty() ? List.of("") : serving;
    jdbc.sql("delete from ACT_RU_AUTHORIZATION where type_ <> :global and " + resources
            + " and ((group_id_ is not null and group_id_ not in (:kept)) or (group_id_ is null and not exists"
            + " (select 1 from ACT_ID_MEMBERSHIP m where m.user_id_ = ACT_RU_AUTHORIZATION.user_id_"
            + " and m.group_id_ in (:kept))))")
        .param("global", Authorization.AUTH_TYPE_GLOBAL).param("types", types).param("pids", processInstanceIds)
        .param("kept", kept)
        .update();
  }

  public void move(String processInstanceId, String fromCommune, String toCommune) {
    system.run(() -> {
      Set<String> before = new HashSet<>(organisation.groupsServing(fromCommune));
      Set<String> after = new HashSet<>(organisation.groupsServing(toCommune));
      for (String group : before) {
        if (!after.contains(group)) {
          revoke(group, processInstanceId);
        }
      }
      for (String group : after) {
        if (!before.contains(group)) {
          grantRead(group, processInstanceId);
        }
      }
      withdrawStale(processInstanceId, toCommune);
    });
  }

  /**
   * After a move or a re-routing: every right on the case, its open tasks and its history that no
   * longer belongs to someone serving the child's commune goes. An open task keeps only the groups
   * routing chose for it now ({@link RoutedGroups}: not a candidate group added by hand) and its current assignee
   * and owner; the instance, its history and finished
   * tasks keep only the groups serving the commune and their members.
   */
  public void withdrawStale(String processInstanceId, String communeCode) {
    system.run(() -> {
      Set<String> serving = new HashSet<>(organisation.groupsServing(communeCode));
      // asked once per user: a user holds rights on the case, on each of its tasks and on their history
      Map<String, Boolean> servingUsers = new HashMap<>();
      Predicate<String> servingUser = user -> servingUsers.computeIfAbsent(user, id -> !serving.isEmpty()
          && identityService.createGroupQuery().groupMember(id).groupIdIn(serving.toArray(String[]::new)).count() > 0);
      for (Resource resource : CASE_READ.keySet()) {
        withdraw(resource, processInstanceId, serving::contains, servingUser);
      }
      List<Task> open = allPages(first -> taskService.createTaskQuery().processInstanceId(processInstanceId)
          .orderByTaskId().asc().listPage(first, EngineLimits.SMALL_LIST));
      Map<String, Set<String>> routed = routedGroups.of(open.stream().map(Task::getId).toList());
      for (Task task : open) {
        Set<String> routedTo = routed.getOrDefault(task.getId(), Set.of());
        Set<String> holders = new HashSet<>();
        holders.add(task.getAssignee());
        holders.add(task.getOwner());
        withdraw(Resources.TASK, task.getId(), group -> routedTo.contains(group) && serving.contains(group),
            user -> holders.contains(user) && servingUser.test(user));
      }
      List<HistoricTaskInstance> history = allPages(first -> historyService.createHistoricTaskInstanceQuery()
          .processInstanceId(processInstanceId).orderByTaskId().asc().listPage(first, EngineLimits.SMALL_LIST));
      for (HistoricTaskInstance task : history) {
        withdraw(Resources.HISTORIC_TASK, task.getId(), serving::contains, servingUser);
      }
    });
  }

  /** Every row, page by page: no right may stay behind because a case had more tasks than one page. */
  private static <T> List<T> allPages(IntFunction<List<T>> page) {
    List<T> all = new ArrayList<>();
    for (int first = 0; ; first += EngineLimits.SMALL_LIST) {
      List<T> rows = page.apply(first);
      all.addAll(rows);
      if (rows.size() < EngineLimits.SMALL_LIST) {
        return all;
      }
    }
  }

  /** Deletes the grants on one resource whose group or user fails its test; global rows ("*") stay. */
  private void withdraw(Resource resource, String resourceId, Predicate<String> keepGroup, Predicate<String> keepUser) {
    for (Authorization authorization : authorizations.createAuthorizationQuery().resourceType(resource)
        .resourceId(resourceId).list()) {
      if (authorization.getAuthorizationType() == Authorization.AUTH_TYPE_GLOBAL) {
        continue;
      }
      boolean keep = authorization.getGroupId() != null ? keepGroup.test(authorization.getGroupId())
          : keepUser.test(authorization.getUserId());
      if (!keep) {
        authorizations.deleteAuthorization(authorization.getId());
      }
    }
  }

  private void grantRead(String groupId, String processInstanceId) {
    CASE_READ.forEach((resource, permission) -> grant(groupId, resource, permission, processInstanceId));
  }

  private void grant(String groupId, Resource resource, Permission permission, String processInstanceId) {
    Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId(groupId);
    read.setResource(resource);
    read.setResourceId(processInstanceId);
    read.addPermission(permission);
    authorizations.saveAuthorization(read);
  }

  private void revoke(String groupId, String processInstanceId) {
    for (Resource resource : CASE_READ.keySet()) {
      authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
          .resourceId(processInstanceId).list()
          .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    }
  }
}
