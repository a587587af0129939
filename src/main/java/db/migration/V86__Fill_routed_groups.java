package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.nangbuoc.system.EngineTime;

/**
 * Records the routed groups (V85) of the tasks open at the upgrade, by the rule that decided who worked on them
 * until now: a candidate group counts if it is a group of an agency serving the task's area today (the child's
 * commune, the report's unit, and the units above it). Then what such a task's other candidate links gave goes:
 * those links and the engine's grants to their groups, and the grants of users who neither hold nor own it, so
 * that a group or person added by hand before the upgrade neither sees the task in Tasklist nor reads its name.
 * A task none of whose candidate groups serves its area keeps its links and gets no record: nobody works on it
 * (as before) until it is routed again (a reorganisation or a move re-routes it).
 *
 * <p>In Java because the area is a walk up the units (at most five, as OrganisationDirectory walks them). On a
 * new database the engine's tables may not exist yet when this runs: then there is no task to record.
 */
public class V86__Fill_routed_groups extends BaseJavaMigration {

  /** org.camunda.bpm.engine.authorization.Resources.TASK and Authorization.AUTH_TYPE_GLOBAL. */
  private static final int TASK_RESOURCE = 7;
  private static final int GLOBAL = 0;

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    if (!exists(connection, "ACT_RU_TASK") || !exists(connection, "ACT_RU_IDENTITYLINK")) {
      return;
    }
    Map<String, String> parents = pairs(connection, "select code, parent_code from administrative_unit", null);
    Map<String, Set<String>> groupsOfUnit = new HashMap<>();
    LocalDate today = EngineTime.today();
    try (PreparedStatement select = connection.prepareStatement("select a.unit_code, g.group_id from agency a"
        + " join agency_group g on g.agency_id = a.id where (a.valid_from is null or a.valid_from <= ?)"
        + " and (a.valid_to is null or a.valid_to > ?)")) {
      select.setDate(1, Date.valueOf(today));
      select.setDate(2, Date.valueOf(today));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          groupsOfUnit.computeIfAbsent(rows.getString(1), unit -> new HashSet<>()).add(rows.getString(2));
        }
      }
    }
    Map<String, String> areas = pairs(connection, "select process_instance_id, commune_code from case_file"
        + " where process_instance_id is not null", null);
    pairs(connection, "select process_instance_id, unit_code from unit_report where process_instance_id is not null",
        areas);
    List<String[]> routed = new ArrayList<>();
    // what is recorded already stays (a migration run again, a database routing has written to)
    Set<String> seen = new HashSet<>(pairs(connection, "select task_id || '/' || group_id, task_id"
        + " from task_routed_group", null).keySet());
    try (Statement select = connection.createStatement();
        ResultSet rows = select.executeQuery("select t.id_, t.proc_inst_id_, l.group_id_ from ACT_RU_TASK t"
            + " join ACT_RU_IDENTITYLINK l on l.task_id_ = t.id_ where l.type_ = 'candidate'"
            + " and l.group_id_ is not null and t.proc_inst_id_ is not null")) {
      while (rows.next()) {
        String task = rows.getString(1);
        String instance = rows.getString(2);
        String group = rows.getString(3);
        if (serving(areas.get(instance), parents, groupsOfUnit).contains(group) && seen.add(task + "/" + group)) {
          routed.add(new String[] {task, group, instance});
        }
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into task_routed_group (task_id, group_id, process_instance_id) values (?, ?, ?)")) {
      for (String[] row : routed) {
        insert.setString(1, row[0]);
        insert.setString(2, row[1]);
        insert.setString(3, row[2]);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    withdrawHandAdded(connection);
  }

  /** On the tasks recorded: the candidate links routing did not make, and the engine's grants they left. */
  private static void withdrawHandAdded(Connection connection) throws SQLException {
    try (Statement delete = connection.createStatement()) {
      delete.executeUpdate("delete from ACT_RU_IDENTITYLINK where type_ = 'candidate'"
          + " and task_id_ in (select r.task_id from task_routed_group r) and (group_id_ is null"
          + " or not exists (select 1 from task_routed_group r where r.task_id = ACT_RU_IDENTITYLINK.task_id_"
          + " and r.group_id = ACT_RU_IDENTITYLINK.group_id_))");
      delete.executeUpdate("delete from ACT_RU_AUTHORIZATION where resource_type_ = " + TASK_RESOURCE
          + " and type_ <> " + GLOBAL + " and resource_id_ in (select r.task_id from task_routed_group r)"
          + " and ((group_id_ is not null and not exists (select 1 from task_routed_group r"
          + " where r.task_id = ACT_RU_AUTHORIZATION.resource_id_ and r.group_id = ACT_RU_AUTHORIZATION.group_id_))"
          + " or (group_id_ is null and not exists (select 1 from ACT_RU_TASK t"
          + " where t.id_ = ACT_RU_AUTHORIZATION.resource_id_ and (t.assignee_ = ACT_RU_AUTHORIZATION.user_id_"
          + " or t.owner_ = ACT_RU_AUTHORIZATION.user_id_))))");
    }
  }

  /** The groups of the agencies of the unit and the units above it, as OrganisationDirectory.groupsServing. */
  private static Set<String> serving(String unit, Map<String, String> parents, Map<String, Set<String>> groups) {
    Set<String> serving = new LinkedHashSet<>();
    String current = unit;
    for (int depth = 0; current != null && parents.containsKey(current) && depth < 5; depth++) {
      serving.addAll(groups.getOrDefault(current, Set.of()));
      current = parents.get(current);
    }
    return serving;
  }

  private static Map<String, String> pairs(Connection connection, String sql, Map<String, String> into)
      throws SQLException {
    Map<String, String> pairs = into != null ? into : new HashMap<>();
    try (Statement select = connection.createStatement(); ResultSet rows = select.executeQuery(sql)) {
      while (rows.next()) {
        pairs.put(rows.getString(1), rows.getString(2));
      }
    }
    return pairs;
  }

  /** PostgreSQL keeps unquoted names in lower case, H2 in upper case. */
  private static boolean exists(Connection connection, String table) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    for (String name : List.of(table, table.toLowerCase())) {
      try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
