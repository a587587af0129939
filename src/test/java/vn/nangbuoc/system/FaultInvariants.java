package vn.nangbuoc.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.nangbuoc.system.RestartableSmtpServer.Received;

/**
 * What must hold after any fault, read in the database and at the SMTP server once the load is done
 * and everything due has run: every pathway ended or waits at one task, no incident, no job ran twice,
 * no task recorded twice, the ledger's balances are the sums of its rows and none is below zero, and
 * every outbox mail arrived exactly once.
 */
final class FaultInvariants {

  static final List<String> NAMES = List.of("pathways ended or at one task", "no incident", "no job twice",
      "no step twice", "ledger", "mail once");

  /** One invariant: held or not, with the figures that say so. */
  record Check(String name, boolean held, String figures) {
  }

  private final Connection db;

  FaultInvariants(Connection db) {
    this.db = db;
  }

  List<Check> check(List<Received> mails) throws SQLException {
    return List.of(pathways(), incidents(), jobs(), steps(), ledger(), mails(mails));
  }

  private Check pathways() throws SQLException {
    long ended = count("select count(*) from act_hi_procinst where end_time_ is not null");
    long atATask = count("select count(*) from act_ru_execution e where e.id_ = e.proc_inst_id_"
        + " and exists (select 1 from act_ru_task t where t.proc_inst_id_ = e.id_)");
    long atNoTask = count("select count(*) from act_ru_execution e where e.id_ = e.proc_inst_id_"
        + " and not exists (select 1 from act_ru_task t where t.proc_inst_id_ = e.id_)");
    long atTwo = count("select count(*) from (select proc_inst_id_ from act_ru_task group by proc_inst_id_"
        + " having count(*) > 1) twice");
    return new Check(NAMES.get(0), atNoTask == 0 && atTwo == 0, ended + " ended, " + atATask + " at a task, "
        + atNoTask + " at none, " + atTwo + " at two");
  }

  private Check incidents() throws SQLException {
    long open = count("select count(*) from act_ru_incident");
    long ever = count("select count(*) from act_hi_incident");
    return new Check(NAMES.get(1), open == 0 && ever == 0, open + " open, " + ever + " in history");
  }

  /**
   * The pathways' jobs (timers, asynchronous steps): each runs once. The engine's history cleanup job is
   * left out: it is one job rescheduled under the same id, run many times a night on purpose.
   */
  private Check jobs() throws SQLException {
    long twice = count("select count(*) from (select job_id_ from act_hi_job_log where job_state_ = 2"
        + " and process_instance_id_ is not null group by job_id_ having count(*) > 1) twice");
    long runs = count("select count(*) from act_hi_job_log where job_state_ = 2");
    long failedRuns = count("select count(*) from act_hi_job_log where job_state_ = 1");
    return new Check(NAMES.get(2), twice == 0, runs + " runs, " + twice + " jobs twice, " + failedRuns
        + " failed runs retried");
  }

  private Check steps() throws SQLException {
    long tasksTwice = count("select count(*) from (select task_id from case_step_record where task_id is not null"
        + " group by task_id having count(*) > 1) twice");
    long visitsOver = count("select count(*) from (select case_id from case_step_record"
        + " where step = 'Task_FollowUpVisit' group by case_id having count(*) > 3) over");
    long recorded = count("select count(*) from case_step_record");
    return new Check(NAMES.get(3), tasksTwice == 0 && visitsOver == 0, recorded + " step records, " + tasksTwice
        + " tasks twice, " + visitsOver + " cases over 3 visits");
  }

  private Check ledger() throws SQLException {
    long unequal = count("select count(*) from fund f where balance_available <> (select coalesce(sum(d_available), 0)"
        + " from fund_entry e where e.fund_id = f.id) or balance_reserved <> (select coalesce(sum(d_reserved), 0)"
        + " from fund_entry e where e.fund_id = f.id) or balance_disbursed <> (select coalesce(sum(d_disbursed), 0)"
        + " from fund_entry e where e.fund_id = f.id)");
    long negative = count("select count(*) from fund where balance_available < 0 or balance_reserved < 0"
        + " or balance_disbursed < 0");
    long movedTwice = count("select count(*) from (select request_id, entry_type from fund_entry"
        + " where entry_type in ('RESERVATION', 'DISBURSEMENT', 'SETTLEMENT') group by request_id, entry_type"
        + " having count(*) > 1) twice");
    long entries = count("select count(*) from fund_entry");
    return new Check(NAMES.get(4), unequal == 0 && negative == 0 && movedTwice == 0, entries + " rows, "
        + unequal + " funds off their sums, " + negative + " below zero, " + movedTwice + " moved twice");
  }

  private Check mails(List<Received> received) throws SQLException {
    List<String> outbox = strings("select dedup_key from mail_outbox");
    long unsent = count("select count(*) from mail_outbox where status <> 'SENT'");
    long takenOver = count("select count(*) from mail_attempt where outcome = 'TAKEN_OVER'");
    Set<String> keys = new HashSet<>();
    Set<String> messageIds = new HashSet<>();
    int keysTwice = 0;
    for (Received mail : received) {
      if (!keys.add(mail.key())) {
        keysTwice++;
      }
      messageIds.add(mail.messageId());
    }
    boolean sameMails = keys.equals(new HashSet<>(outbox));
    boolean held = unsent == 0 && keysTwice == 0 && sameMails && messageIds.size() == received.size();
    return new Check(NAMES.get(5), held, received.size() + " received of " + outbox.size() + " in the outbox, "
        + unsent + " unsent, " + keysTwice + " twice, " + messageIds.size() + " Message-IDs, " + takenOver
        + " taken over");
  }

  long count(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  List<String> strings(String sql, Object... parameters) {
    return DatabaseChecks.strings(db, sql, parameters);
  }
}
