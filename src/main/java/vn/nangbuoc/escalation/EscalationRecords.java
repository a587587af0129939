package vn.nangbuoc.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The task_escalation table: one row per escalation of a task, erased with its case (a unit's report has none). */
@Repository
class EscalationRecords {

  private final JdbcClient jdbc;

  EscalationRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  int countFor(String taskId) {
    return jdbc.sql("select count(*) from task_escalation where task_id = ?").param(taskId)
        .query(Integer.class).single();
  }

  void insert(Long caseId, OverdueTask task, Instant escalatedAt, int priority) {
    jdbc.sql("insert into task_escalation (case_id, task_id, task_key, due_at, escalated_at, priority)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(caseId, task.id(), task.key(), new Timestamp(task.dueDate().getTime()), Timestamp.from(escalatedAt),
            priority)
        .update();
  }

  void eraseCase(long caseId) {
    jdbc.sql("delete from task_escalation where case_id = ?").param(caseId).update();
  }
}
