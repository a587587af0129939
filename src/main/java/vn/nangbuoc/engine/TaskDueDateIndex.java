package vn.nangbuoc.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Every task list is read first page first, by due date (Tasklist's filters, the overdue filter, the
 * reminders), and the engine's schema has no index on the due date: PostgreSQL read and sorted all of a
 * group's open tasks before it could return the first fifteen, 90 ms at 25,000 tasks and growing with
 * them (docs/performance.md). With this index, and the page asked as {@link TaskPageByDueDate} asks it,
 * it walks the tasks in due-date order and stops when the page is full. Created after the engine has created or upgraded its tables, once: "if not exists".
 */
final class TaskDueDateIndex {

  static final String NAME = "NB_IDX_TASK_DUE_DATE";

  private TaskDueDateIndex() {
  }

  static void create(ProcessEngineConfigurationImpl configuration) {
    String table = configuration.getDatabaseTablePrefix() + "ACT_RU_TASK";
    try (Connection connection = configuration.getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create index if not exists " + NAME + " on " + table + " (DUE_DATE_, ID_)");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("The index of task due dates could not be created: " + e.getMessage(), e);
    }
  }
}
