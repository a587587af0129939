package vn.nangbuoc.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.nangbuoc.system.EngineSystem;

/**
 * The groups routing chose for each task, the only groups whose members the task's work and its child's (or
 * unit's) data are for. The engine's candidate links are not that: whoever may update a task adds one through
 * the engine REST API, Tasklist or Cockpit, and a process variable could be changed the same way; a row of this
 * table only routing writes ({@code routing.TaskRoutingListener}, the re-routing of open tasks), in the
 * transaction that routes. Rows stay when the task ends: who a finished task was for is asked afterwards too.
 */
@Service
public class RoutedGroups {

  /** Who holds and who owns a task now, as the engine has them stored. */
  public record Holders(String assignee, String owner) {
  }

  /** Task ids per statement: well under any driver's limit of parameters. */
  private static final int CHUNK = 500;

  private final JdbcClient jdbc;
  private final IdentityService identityService;
  private final EngineSystem system;
  private final JdbcTemplate jdbcTemplate;

  RoutedGroups(JdbcClient jdbc, JdbcTemplate jdbcTemplate, IdentityService identityService, EngineSystem system) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.identityService = identityService;
    this.system = system;
  }

  /** Routing chose the group for the task: from now on the only one that counts, whichever counted before. */
  public void route(String taskId, String processInstanceId, String groupId) {
    jdbc.sql("delete from task_routed_group where task_id = ?").param(taskId).update();
    jdbc.sql("insert into task_routed_group (task_id, group_id, process_instance_id) values (?, ?, ?)")
        .param(taskId).param(groupId).param(processInstanceId).update();
  }

  /** A task and the group routing chose for it. */
  public record Choice(String taskId, String processInstanceId, String groupId) {
  }

  /** {@link #route} for a whole batch (a reorganisation's), in a few statements. */
  public void routeAll(List<Choice> choices) {
    for (int first = 0; first < choices.size(); first += CHUNK) {
      List<Choice> chunk = choices.subList(first, Math.min(choices.size(), first + CHUNK));
      jdbc.sql("delete from task_routed_group where task_id in (:tasks)")
          .param("tasks", chunk.stream().map(Choice::taskId).toList()).update();
    }
    jdbcTemplate.batchUpdate("insert into task_routed_group (task_id, group_id, process_instance_id) values (?, ?, ?)",
        choices.stream().map(c -> new Object[] {c.taskId(), c.groupId(), c.processInstanceId()}).toList());
  }

  /** The groups the task was routed to; empty for a task routing never chose a group for. */
  public List<String> of(String taskId) {
    return jdbc.sql("select group_id from task_routed_group where task_id = ? order by group_id").param(taskId)
        .query(String.class).list();
  }

  /** {@link #of(String)} for many tasks in one query a few hundred tasks. */
  public Map<String, Set<String>> of(Collection<String> taskIds) {
    Map<String, Set<String>> groups = new HashMap<>();
    List<String> ids = List.copyOf(taskIds);
    for (int first = 0; first < ids.size(); first += 500) {
      jdbc.sql("select task_id, group_id from task_routed_group where task_id in (:tasks)")
          .param("tasks", ids.subList(first, Math.min(ids.size(), first + 500)))
          .query((rs, n) -> groups.computeIfAbsent(rs.getString(1), task -> new LinkedHashSet<>())
              .add(rs.getString(2)))
          .list();
    }
    return groups;
  }

  /** The task's assignee and owner as stored (before a command that saves a changed copy of the task). */
  public Holders holdersOf(String taskId) {
    return jdbc.sql("select assignee_, owner_ from ACT_RU_TASK where id_ = ?").param(taskId)
        .query((rs, n) -> new Holders(rs.getString(1), rs.getString(2))).optional().orElse(new Holders(null, null));
  }

  /** Whether the user is a member of one of the groups the task was routed to. */
  public boolean isRoutedTo(String userId, String taskId) {
    return userId != null && isMemberOfAny(userId, of(taskId));
  }

  /** Whether the user is a member of one of the groups (asked as the system: a user may not list groups). */
  public boolean isMemberOfAny(String userId, Collection<String> groups) {
    return userId != null && !groups.isEmpty() && system.call(() -> identityService.createGroupQuery()
        .groupMember(userId).groupIdIn(groups.toArray(String[]::new)).count() > 0);
  }
}
