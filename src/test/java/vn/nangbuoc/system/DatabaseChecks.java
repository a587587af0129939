package vn.nangbuoc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What must hold in a database the application has worked on, read with SQL: nothing failed in the engine,
 * the engine's tasks and the application's step records tell the same story, and the fund ledger's
 * balances are the sums of its rows, none below zero.
 */
final class DatabaseChecks {

  private DatabaseChecks() {
  }

  /** Asserts the invariants; returns what it counted, to print. */
  static String assertConsistent(Connection db) {
    assertThat(count(db, "select count(*) from act_ru_incident")).as("incidents").isZero();
    assertThat(count(db, "select count(*) from act_hi_job_log where job_state_ = 1")).as("failed jobs").isZero();
    // the engine's history cleanup is one job that schedules itself again after each run: it keeps its id
    assertThat(strings(db, "select job_def_type_ || ' ' || coalesce(act_id_, '') || ' ' || job_id_ || ' '"
        + " || count(*) from act_hi_job_log where job_state_ = 2 and job_def_type_ <> 'history-cleanup'"
        + " group by job_id_, job_def_type_, act_id_ having count(*) > 1")).as("jobs that ran twice").isEmpty();
    assertThat(strings(db, "select t.task_def_key_ || ' ' || t.id_ from act_hi_taskinst t where t.delete_reason_ ="
        + " 'completed' and not exists (select 1 from case_step_record r where r.task_id = t.id_)"))
        .as("completed tasks without their step record").isEmpty();
    assertThat(strings(db, "select r.step || ' ' || r.task_id from case_step_record r where r.task_id is not null"
        + " and not exists (select 1 from act_hi_taskinst t where t.id_ = r.task_id and t.delete_reason_ ="
        + " 'completed')")).as("step records of tasks the engine did not complete").isEmpty();
    assertThat(count(db, "select count(*) from (select task_id from case_step_record where task_id is not null"
        + " group by task_id having count(*) > 1) twice")).as("steps recorded twice").isZero();
    assertThat(strings(db, "select f.id from fund f where f.balance_available <> (select coalesce(sum(e.d_available),"
        + " 0) from fund_entry e where e.fund_id = f.id) or f.balance_reserved <> (select coalesce(sum(e.d_reserved),"
        + " 0) from fund_entry e where e.fund_id = f.id) or f.balance_disbursed <> (select"
        + " coalesce(sum(e.d_disbursed), 0) from fund_entry e where e.fund_id = f.id)"))
        .as("funds whose balances are not the sums of their entries").isEmpty();
    assertThat(count(db, "select count(*) from fund where balance_available < 0 or balance_reserved < 0"
        + " or balance_disbursed < 0")).as("funds below zero").isZero();
    return String.format("no incident, no failed job, no job run twice; %d completed tasks each with its one step"
        + " record; %d ledger entries in %d funds adding up to their balances, none below zero",
        count(db, "select count(*) from act_hi_taskinst where delete_reason_ = 'completed'"),
        count(db, "select count(*) from fund_entry"), count(db, "select count(*) from fund"));
  }

  static long count(Connection db, String sql, Object... parameters) {
    List<String> values = strings(db, sql, parameters);
    return Long.parseLong(values.get(0));
  }

  static List<String> strings(Connection db, String sql, Object... parameters) {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
