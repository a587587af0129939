package vn.nangbuoc.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Two indexes the engine's schema does not have on its task table, whose absence grows with a
 * province's open tasks (figures: docs/performance.md, "Why the code is as it is"). Created after the
 * engine has created or upgraded its tables, once ("if not exists"), on H2 and PostgreSQL alike; on
 * PostgreSQL without locking the table.
 * <ul>
 *   <li>{@value #DUE_DATE}: every task list is read first page first, by due date and then priority
 *       (Tasklist's filters, the overdue filter, the reminders). PostgreSQL read and sorted all of a
 *       group's open tasks before the first fifteen, slower with every task. With this index,
 *       and the page asked as {@link TaskPageByDueDate} asks it, it walks the tasks in that order and
 *       stops when the page is full. It replaces {@value #RETIRED_DUE_DATE} (due date and id), which the
 *       filters' order by priority could not walk.</li>
 *   <li>{@value #PARENT}: completing a task makes the engine look for its subtasks
 *       ({@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}), which read the whole table in
 *       every completion.</li>
 * </ul>
 */
final class TaskIndexes {

  static final String DUE_DATE = "NB_IDX_TASK_DUE_PRIORITY";
  static final String PARENT = "NB_IDX_TASK_PARENT";
  static final String RETIRED_DUE_DATE = "NB_IDX_TASK_DUE_DATE";
  private static final Map<String, String> COLUMNS = Map.of(DUE_DATE, "DUE_DATE_, PRIORITY_ DESC, ID_",
      PARENT, "PARENT_TASK_ID_");

  private TaskIndexes() {
  }

  static void create(ProcessEngineConfigurationImpl configuration) {
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_TASK";
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      if ("postgres".equals(configuration.getDatabaseType())) {
        createConcurrently(connection, statement, table);
        return;
      }
      statement.execute("drop index if exists " + RETIRED_DUE_DATE);
      for (Map.Entry<String, String> index : COLUMNS.entrySet()) {
        statement.execute(
            "create index if not exists " + index.getKey() + " on " + table + " (" + index.getValue() + ")");
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("The indexes of the task table could not be created: " + e.getMessage(), e);
    }
  }

  /**
   * On PostgreSQL an index is built and dropped without blocking the task table: a province's tasks are
   * worked on while a new version starts. A concurrent build that failed leaves an invalid index,
   * which "if not exists" would keep: it is dropped and built again. The replaced index goes last, so
   * the task lists always have one of the two.
   */
  private static void createConcurrently(Connection connection, Statement statement, String table)
      throws SQLException {
    connection.setAutoCommit(true); // CREATE INDEX CONCURRENTLY cannot run in a transaction
    for (Map.Entry<String, String> index : COLUMNS.entrySet()) {
      if (invalid(connection, index.getKey())) {
        statement.execute("drop index concurrently if exists " + index.getKey());
      }
      statement.execute("create index concurrently if not exists " + index.getKey() + " on " + table + " ("
          + index.getValue() + ")");
    }
    statement.execute("drop index concurrently if exists " + RETIRED_DUE_DATE);
  }

  private static boolean invalid(Connection connection, String index) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "select not indisvalid from pg_index where indexrelid = to_regclass(?)")) {
      query.setString(1, index.toLowerCase());
      try (ResultSet result = query.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }
}
