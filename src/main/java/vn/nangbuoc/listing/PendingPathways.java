package vn.nangbuoc.listing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Case files waiting for their pathway: written in the transaction that opens them, removed in the
 * transaction that starts the pathway. So a case file always has a pathway or a row here, never
 * neither. Several nodes may start pathways: a conditional update claims a row for one of them.
 */
@Repository
class PendingPathways {

  record Pending(long caseId, String requestedBy, int attempts) {
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;

  PendingPathways(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
  }

  void addAll(List<Long> caseIds, String requestedBy, Instant at) {
    Timestamp now = Timestamp.from(at);
    jdbcTemplate.batchUpdate("insert into pending_pathway (case_id, requested_by, requested_at, attempts,"
            + " next_attempt_at) values (?, ?, ?, 0, ?)", caseIds, 500, (statement, caseId) -> {
          statement.setLong(1, caseId);
          statement.setString(2, requestedBy);
          statement.setTimestamp(3, now);
          statement.setTimestamp(4, now);
        });
  }

  List<Long> due(Instant now, int limit) {
    return jdbc.sql("select case_id from pending_pathway where next_attempt_at <= ?"
            + " and (claimed_until is null or claimed_until < ?) order by case_id fetch first ? rows only")
        .params(Timestamp.from(now), Timestamp.from(now), limit)
        .query(Long.class).list();
  }

  boolean claim(long caseId, String node, Instant now, Instant until) {
    return jdbc.sql("update pending_pathway set claimed_by = ?, claimed_until = ? where case_id = ?"
            + " and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)")
        .params(node, Timestamp.from(until), caseId, Timestamp.from(now), Timestamp.from(now))
        .update() == 1;
  }

  Optional<Pending> get(long caseId) {
    return jdbc.sql("select case_id, requested_by, attempts from pending_pathway where case_id = ?").param(caseId)
        .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getInt(3))).optional();
  }

  void remove(long caseId) {
    jdbc.sql("delete from pending_pathway where case_id = ?").param(caseId).update();
  }

  void failed(long caseId, Instant retryAt, String error) {
    jdbc.sql("update pending_pathway set attempts = attempts + 1, next_attempt_at = ?, claimed_until = null,"
            + " last_error = ? where case_id = ?")
        .params(Timestamp.from(retryAt), error, caseId).update();
  }

  boolean isPending(long caseId) {
    return get(caseId).isPresent();
  }

  long count() {
    return jdbc.sql("select count(*) from pending_pathway").query(Long.class).single();
  }
}
