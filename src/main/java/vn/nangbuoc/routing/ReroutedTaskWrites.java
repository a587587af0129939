package vn.nangbuoc.routing;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place where re-routed tasks are written in SQL (a reorganisation's batch, {@link
 * OpenTaskRerouting#rerouteTasksInSql}): a task's name, description and released claim, its candidate group
 * changed, the engine's history of both and the engine's own grants to the new group, the rows the engine's
 * API leaves (saveTask, deleteCandidateGroup, addCandidateGroup: ReroutedTaskWritesTest). A product table that
 * records where routing sent a task is written here too. A task changed meanwhile (its revision moved) fails the
 * batch as the engine's optimistic locking would.
 */
@Component
class ReroutedTaskWrites {

  /** One task's change: its row as read, and what it becomes. */
  record Change(String taskId, int revision, String processInstanceId, String processDefinitionId,
      String tenantId, String name, String description, String assignee,
      String releasedAssignee, Set<String> groupsRemoved, String groupAdded) {
  }

  private static final int[] LINK_HISTORY_COLUMNS = {Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR,
      Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
      Types.TIMESTAMP};
  private static final int[] GRANT_COLUMNS = {Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR,
      Types.INTEGER, Types.VARCHAR, Types.TIMESTAMP};

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final IdGenerator idGenerator;
  private final int taskPermissions;

  ReroutedTaskWrites(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ProcessEngine engine) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.idGenerator = configuration.getIdGenerator();
    // what the engine's authorization provider grants a candidate group on its task: read and the default
    Permission work = configuration.getDefaultUserPermissionForTask();
    this.taskPermissions = Permissions.READ.getValue() | work.getValue();
  }

  void write(List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    Map<String, Object[]> history = historyOf(changes);
    Map<String, String> keys = definitionKeys(changes);
    updateTasks(changes, now);
    List<Object[]> linkHistory = new ArrayList<>();
    List<Object[]> removed = new ArrayList<>();
    List<Object[]> added = new ArrayList<>();
    for (Change change : changes) {
      Object[] root = history.getOrDefault(change.processInstanceId(), new Object[2]);
      if (change.releasedAssignee() != null) {
        linkHistory.add(linkHistory(change, keys, now, root, IdentityLinkType.ASSIGNEE, change.releasedAssignee(),
            null, "delete"));
      }
      for (String group : change.groupsRemoved()) {
        removed.add(new Object[] {change.taskId(), group});
        linkHistory.add(linkHistory(change, keys, now, root, IdentityLinkType.CANDIDATE, null, group, "delete"));
      }
      if (change.groupAdded() != null) {
        added.add(new Object[] {idGenerator.getNextId(), change.groupAdded(), change.taskId(), change.tenantId()});
        linkHistory.add(linkHistory(change, keys, now, root, IdentityLinkType.CANDIDATE, null, change.groupAdded(),
            "add"));
      }
    }
    jdbcTemplate.batchUpdate("delete from ACT_RU_IDENTITYLINK where task_id_ = ? and group_id_ = ? and type_ = '"
        + IdentityLinkType.CANDIDATE + "'", removed);
    jdbcTemplate.batchUpdate("insert into ACT_RU_IDENTITYLINK (id_, type_, user_id_, group_id_, task_id_,"
        + " proc_def_id_, tenant_id_, rev_) values (?, '" + IdentityLinkType.CANDIDATE + "', null, ?, ?, null, ?, 1)",
        added, new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
    jdbcTemplate.batchUpdate("insert into ACT_HI_IDENTITYLINK (id_, timestamp_, type_, user_id_, group_id_,"
        + " task_id_, root_proc_inst_id_, proc_def_id_, operation_type_, assigner_id_, proc_def_key_, tenant_id_,"
        + " removal_time_) values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?)", linkHistory, LINK_HISTORY_COLUMNS);
    grantNewGroups(changes, history);
  }

  /** The tasks' own fields, as saveTask leaves them; a task whose revision moved fails the batch. */
  private void updateTasks(List<Change> changes, Timestamp now) {
    List<Object[]> tasks = new ArrayList<>();
    List<Object[]> history = new ArrayList<>();
    for (Change change : changes) {
      // each engine command saves the task once: saveTask, each candidate removed, the one added
      int commands = 1 + change.groupsRemoved().size() + (change.groupAdded() == null ? 0 : 1);
      tasks.add(new Object[] {commands, change.name(), change.description(), change.assignee(), now,
          change.taskId(), change.revision()});
      history.add(new Object[] {change.name(), change.description(), change.assignee(), change.taskId()});
    }
    int[] updated = jdbcTemplate.batchUpdate("update ACT_RU_TASK set rev_ = rev_ + ?, name_ = ?, description_ = ?,"
        + " assignee_ = ?, last_updated_ = ?, task_state_ = 'Updated' where id_ = ? and rev_ = ?", tasks,
        new int[] {Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR,
            Types.INTEGER});
    for (int i = 0; i < updated.length; i++) {
      if (updated[i] == 0) {
        throw new OptimisticLockingException("Task " + changes.get(i).taskId() + " changed while it was re-routed");
      }
    }
    jdbcTemplate.batchUpdate("update ACT_HI_TASKINST set name_ = ?, description_ = ?, assignee_ = ?,"
        + " task_state_ = 'Updated' where id_ = ?", history,
        new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
  }

  /**
   * The engine grants a group added as a candidate its task (read and work) and the task's history (read),
   * adding the permissions to a grant it holds already.
   */
  private void grantNewGroups(List<Change> changes, Map<String, Object[]> history) {
    List<Change> adding = changes.stream().filter(change -> change.groupAdded() != null).toList();
    if (adding.isEmpty()) {
      return;
    }
    Map<String, int[]> held = new HashMap<>();
    jdbc.sql("select resource_type_, resource_id_, group_id_, perms_ from ACT_RU_AUTHORIZATION where type_ = :grant"
            + " and resource_type_ in (:types) and resource_id_ in (:tasks) and group_id_ is not null")
        .param("grant", Authorization.AUTH_TYPE_GRANT)
        .param("types", List.of(Resources.TASK.resourceType(), Resources.HISTORIC_TASK.resourceType()))
        .param("tasks", adding.stream().map(Change::taskId).toList())
        .query((rs, n) -> held.put(rs.getInt(1) + "/" + rs.getString(2) + "/" + rs.getString(3),
            new int[] {rs.getInt(4)}))
        .list();
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Change change : adding) {
      Object[] root = history.getOrDefault(change.processInstanceId(), new Object[2]);
      grant(Resources.TASK.resourceType(), taskPermissions, change, new Object[2], held, seen, inserts, updates);
      grant(Resources.HISTORIC_TASK.resourceType(), HistoricTaskPermissions.READ.getValue(), change, root, held,
          seen, inserts, updates);
    }
    jdbcTemplate.batchUpdate("insert into ACT_RU_AUTHORIZATION (id_, rev_, type_, group_id_, user_id_,"
        + " resource_type_, resource_id_, perms_, root_proc_inst_id_, removal_time_)"
        + " values (?, 1, " + Authorization.AUTH_TYPE_GRANT + ", ?, null, ?, ?, ?, ?, ?)", inserts, GRANT_COLUMNS);
    jdbcTemplate.batchUpdate("update ACT_RU_AUTHORIZATION set perms_ = ?, rev_ = rev_ + 1 where type_ = "
        + Authorization.AUTH_TYPE_GRANT + " and group_id_ = ? and resource_type_ = ? and resource_id_ = ?", updates,
        new int[] {Types.INTEGER, Types.VARCHAR, Types.INTEGER, Types.VARCHAR});
  }

  private void grant(int resourceType, int permissions, Change change, Object[] root, Map<String, int[]> held,
      Set<String> seen, List<Object[]> inserts, List<Object[]> updates) {
    String key = resourceType + "/" + change.taskId() + "/" + change.groupAdded();
    if (!seen.add(key)) {
      return;
    }
    int[] holding = held.get(key);
    if (holding == null) {
      inserts.add(new Object[] {idGenerator.getNextId(), change.groupAdded(), resourceType, change.taskId(),
          permissions, root[0], root[1]});
    } else {
      // the engine saves a grant it finds again, with a new revision, even when it held these permissions
      updates.add(new Object[] {holding[0] | permissions, change.groupAdded(), resourceType, change.taskId()});
    }
  }

  private Object[] linkHistory(Change change, Map<String, String> keys, Timestamp now, Object[] root, String type,
      String user, String group, String operation) {
    return new Object[] {idGenerator.getNextId(), now, type, user, group, change.taskId(), root[0],
        change.processDefinitionId(), operation, keys.get(change.processDefinitionId()), change.tenantId(), root[1]};
  }

  private Map<String, String> definitionKeys(Collection<Change> changes) {
    Map<String, String> keys = new HashMap<>();
    jdbc.sql("select id_, key_ from ACT_RE_PROCDEF where id_ in (:ids)")
        .param("ids", changes.stream().map(Change::processDefinitionId).distinct().toList())
        .query((rs, n) -> keys.put(rs.getString(1), rs.getString(2))).list();
    return keys;
  }

  /** The root instance and removal time of each task's pathway history, which its history rows carry. */
  private Map<String, Object[]> historyOf(Collection<Change> changes) {
    Map<String, Object[]> history = new HashMap<>();
    List<String> ids = changes.stream().map(Change::processInstanceId).distinct().toList();
    jdbc.sql("select id_, root_proc_inst_id_, removal_time_ from ACT_HI_PROCINST where id_ in (:pids)")
        .param("pids", ids)
        .query((rs, n) -> history.put(rs.getString(1), new Object[] {rs.getString(2), rs.getTimestamp(3)}))
        .list();
    return history;
  }
}
