package vn.nangbuoc.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.nangbuoc.system.EngineTime;

/** New work waiting for the daily digest of the users who chose it. */
@Repository
class DigestItems {

  record Item(long id, String userId, String taskId, String taskName, String caseNumber, String initials,
      Instant dueAt) {
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  DigestItems(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  void add(String userId, String taskId, String taskName, ChildReference child, Date due) {
    try {
      savepoint.executeWithoutResult(status -> jdbc.sql("insert into digest_item (dedup_key, user_id, task_id,"
              + " task_name, case_number, child_initials, due_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params("digest:" + taskId + ":" + userId, userId, taskId, taskName, child.caseNumber(), child.initials(),
              due == null ? null : new Timestamp(due.getTime()), Timestamp.from(EngineTime.now()))
          .update());
    } catch (DuplicateKeyException alreadyWaiting) {
      // the same task for the same person is in the digest once
    }
  }

  List<String> usersWaiting() {
    return jdbc.sql("select distinct user_id from digest_item where digested_at is null order by user_id")
        .query(String.class).list();
  }

  List<Item> waitingFor(String userId) {
    return jdbc.sql("select id, user_id, task_id, task_name, case_number, child_initials, due_at from digest_item"
            + " where user_id = ? and digested_at is null order by due_at, id")
        .param(userId)
        .query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
        .list();
  }

  void markDigested(List<Long> ids, Instant at) {
    if (!ids.isEmpty()) {
      jdbc.sql("update digest_item set digested_at = :at where id in (:ids)")
          .param("ids", ids).param("at", Timestamp.from(at))
          .update();
    }
  }

  int deleteDigestedBefore(Instant before) {
    return jdbc.sql("delete from digest_item where digested_at < ?").param(Timestamp.from(before)).update();
  }
}
