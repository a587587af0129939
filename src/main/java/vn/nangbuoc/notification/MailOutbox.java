package vn.nangbuoc.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The mail outbox: written with the event, sent afterwards, each row at most once. */
@Repository
class MailOutbox {

  enum Status {
    PENDING, SENDING, SENT, FAILED, BAD_ADDRESS
  }

  /** What one try came to, as the row's history (mail_attempt) keeps it. */
  enum Outcome {
    SENT,
    /** The server had the whole mail when the try failed: it may have arrived; sent again with the same id. */
    MAYBE_SENT,
    /** An earlier try by {@code node} was never reported (the node died or lost the database). */
    TAKEN_OVER,
    FAILED,
    BAD_ADDRESS
  }

  /** A row due to be sent; {@code claimedBy} is set when an earlier try's claim ran out unreported. */
  record Due(long id, String claimedBy) {
  }

  record Row(long id, String dedupKey, String kind, String recipientUser, String recipientEmail, String subject,
      String bodyText, String bodyHtml, Status status, int attempts, String lastError, Instant createdAt,
      Instant sentAt) {
  }

  private static final String COLUMNS = "id, dedup_key, kind, recipient_user, recipient_email, subject, body_text,"
      + " body_html, status, attempts, last_error, created_at, sent_at";

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;
  private final TransactionTemplate transaction;

  MailOutbox(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Adds a mail unless one with the same key exists. Behind a savepoint: when two nodes write the
   * same mail at once, the loser's failed insert must not undo the event it belongs to.
   */
  boolean enqueue(String dedupKey, Mail mail, Instant now) {
    try {
      return Boolean.TRUE.equals(savepoint.execute(status -> jdbc.sql(
              "insert into mail_outbox (dedup_key, kind, recipient_user, recipient_email, subject, body_text,"
                  + " body_html, status, attempts, next_attempt_at, created_at)"
                  + " select ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ? from (values (1)) as one (x)"
                  + " where not exists (select 1 from mail_outbox where dedup_key = ?)")
          .params(dedupKey, mail.kind(), mail.recipientUser(), mail.recipientEmail(), mail.subject(), mail.bodyText(),
              mail.bodyHtml(), Timestamp.from(now), Timestamp.from(now), dedupKey)
          .update() == 1));
    } catch (DuplicateKeyException writtenByAnotherNode) {
      return false;
    }
  }

  List<Due> due(Instant now, int limit) {
    return jdbc.sql("select id, status, claimed_by from mail_outbox where (status = 'PENDING' and next_attempt_at <= ?)"
            + " or (status = 'SENDING' and claimed_until < ?) order by id fetch first ? rows only")
        .params(Timestamp.from(now), Timestamp.from(now), limit)
        .query((rs, n) -> new Due(rs.getLong("id"),
            "SENDING".equals(rs.getString("status")) ? rs.getString("claimed_by") : null))
        .list();
  }

  /** True if this node got the row: a single conditional update decides between competing nodes. */
  boolean claim(long id, String node, Instant now, Instant until) {
    return jdbc.sql("update mail_outbox set status = 'SENDING', claimed_by = ?, claimed_until = ?"
            + " where id = ? and ((status = 'PENDING' and next_attempt_at <= ?)"
            + " or (status = 'SENDING' and claimed_until < ?))")
        .params(node, Timestamp.from(until), id, Timestamp.from(now), Timestamp.from(now))
        .update() == 1;
  }

  Row get(long id) {
    return jdbc.sql("select " + COLUMNS + " from mail_outbox where id = ?").param(id).query(this::map).single();
  }

  void sent(long id, Instant at, String node) {
    transaction.executeWithoutResult(status -> {
      jdbc.sql("update mail_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, claimed_until = null"
          + " where id = ?").params(Timestamp.from(at), id).update();
      attempted(id, Outcome.SENT, node, at, null);
    });
  }

  void retryLater(long id, Instant next, Outcome outcome, String node, Instant at, String error) {
    transaction.executeWithoutResult(status -> {
      jdbc.sql("update mail_outbox set status = 'PENDING', attempts = attempts + 1, next_attempt_at = ?,"
          + " last_error = ?, claimed_until = null where id = ?").params(Timestamp.from(next), error, id).update();
      attempted(id, outcome, node, at, error);
    });
  }

  void giveUp(long id, Status status, Outcome outcome, String node, Instant at, String error) {
    transaction.executeWithoutResult(tx -> {
      jdbc.sql("update mail_outbox set status = ?, attempts = attempts + 1, last_error = ?, claimed_until = null"
          + " where id = ?").params(status.name(), error, id).update();
      attempted(id, outcome, node, at, error);
    });
  }

  /** A try that was never reported, found when its claim ran out: the mail may already be out. */
  void takenOver(long id, String previousNode, String node, Instant at) {
    transaction.executeWithoutResult(tx -> {
      jdbc.sql("update mail_outbox set attempts = attempts + 1 where id = ?").param(id).update();
      attempted(id, Outcome.TAKEN_OVER, node, at, "Lần gửi trước (" + previousNode + ") không báo kết quả: thư có"
          + " thể đã tới người nhận; gửi lại với cùng Message-ID.");
    });
  }

  private void attempted(long id, Outcome outcome, String node, Instant at, String detail) {
    jdbc.sql("insert into mail_attempt (mail_id, attempt, outcome, node, attempted_at, detail)"
            + " select id, attempts, ?, ?, ?, ? from mail_outbox where id = ?")
        .params(outcome.name(), node, Timestamp.from(at), detail, id).update();
  }

  record Attempt(int attempt, Outcome outcome, String node, Instant at, String detail) {
  }

  /** The row's history, oldest first. */
  List<Attempt> attempts(long id) {
    return jdbc.sql("select attempt, outcome, node, attempted_at, detail from mail_attempt where mail_id = ?"
            + " order by id")
        .param(id)
        .query((rs, n) -> new Attempt(rs.getInt("attempt"), Outcome.valueOf(rs.getString("outcome")),
            rs.getString("node"), rs.getTimestamp("attempted_at").toInstant(), rs.getString("detail")))
        .list();
  }

  /** Sent mails older than {@code before}; failed ones stay for the administrators to resend or read. */
  int deleteSentBefore(Instant before) {
    return jdbc.sql("delete from mail_outbox where status = 'SENT' and sent_at < ?").param(Timestamp.from(before))
        .update();
  }

  boolean resend(long id, String email, Instant now) {
    return jdbc.sql("update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = null,"
            + " recipient_email = ? where id = ? and status in ('FAILED', 'BAD_ADDRESS')")
        .params(Timestamp.from(now), email, id).update() == 1;
  }

  Optional<Row> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from mail_outbox where id = ?").param(id).query(this::map).optional();
  }

  List<Row> withStatus(Status status, int limit) {
    return jdbc.sql("select " + COLUMNS + " from mail_outbox where status = ? order by id desc fetch first ? rows only")
        .params(status.name(), limit).query(this::map).list();
  }

  List<Row> latest(int limit) {
    return jdbc.sql("select " + COLUMNS + " from mail_outbox order by id desc fetch first ? rows only")
        .param(limit).query(this::map).list();
  }

  private Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp sent = rs.getTimestamp("sent_at");
    return new Row(rs.getLong("id"), rs.getString("dedup_key"), rs.getString("kind"), rs.getString("recipient_user"),
        rs.getString("recipient_email"), rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
        Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
        rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
  }
}
