package vn.nangbuoc.fund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class FundCorrectionRepository {

  private static final String COLUMNS = "c.id, c.fund_id, c.entry_id, e.request_id, c.d_available, c.d_reserved,"
      + " c.d_disbursed, c.reason, c.status, c.proposed_by, c.proposed_at, c.decided_by, c.decided_at,"
      + " c.decision_reason, c.result_entry_id from fund_correction c join fund_entry e on e.id = c.entry_id";

  private final JdbcClient jdbc;

  FundCorrectionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String fundId, long entryId, long available, long reserved, long disbursed, String reason,
      String proposedBy, Instant at) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into fund_correction (fund_id, entry_id, d_available, d_reserved, d_disbursed, reason, status,"
            + " proposed_by, proposed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(fundId, entryId, available, reserved, disbursed, reason, CorrectionStatus.PROPOSED.name(), proposedBy,
            Timestamp.from(at))
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<Correction> find(long id) {
    return jdbc.sql("select " + COLUMNS + " where c.id = ?").param(id).query(this::map).optional();
  }

  List<Correction> ofFund(String fundId, CorrectionStatus status) {
    return jdbc.sql("select " + COLUMNS + " where c.fund_id = ? and c.status = ? order by c.id")
        .params(fundId, status.name()).query(this::map).list();
  }

  /** Decides a proposal only if it is still proposed: of two decisions at the same moment, one changes it. */
  boolean decide(long id, CorrectionStatus status, String decidedBy, Instant at, String reason, Long resultEntryId) {
    return jdbc.sql("update fund_correction set status = ?, decided_by = ?, decided_at = ?, decision_reason = ?,"
            + " result_entry_id = ? where id = ? and status = ?")
        .params(status.name(), decidedBy, Timestamp.from(at), reason, resultEntryId, id,
            CorrectionStatus.PROPOSED.name())
        .update() == 1;
  }

  private Correction map(ResultSet rs, int n) throws SQLException {
    Timestamp decidedAt = rs.getTimestamp("decided_at");
    return new Correction(rs.getLong("id"), rs.getString("fund_id"), rs.getLong("entry_id"),
        (Long) rs.getObject("request_id", Long.class), rs.getLong("d_available"), rs.getLong("d_reserved"),
        rs.getLong("d_disbursed"), rs.getString("reason"), CorrectionStatus.valueOf(rs.getString("status")),
        rs.getString("proposed_by"), rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"),
        decidedAt == null ? null : decidedAt.toInstant(), rs.getString("decision_reason"),
        (Long) rs.getObject("result_entry_id", Long.class));
  }
}
