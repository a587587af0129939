package vn.nangbuoc.reorganisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reorganisations uploaded, newest first, for the administrator's page: what a row of the list shows,
 * without the change set and preview texts {@link Reorganisations#recent} reads for each.
 */
@Repository
class ReorganisationList {

  /** One line of the list; the state in words. */
  record Line(long id, String name, LocalDate effective, ReorganisationStatus status, String statusLabel,
      String uploadedBy, Instant uploadedAt, String appliedBy, Instant appliedAt) {
  }

  private final JdbcClient jdbc;

  ReorganisationList(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Line> newest(int limit) {
    return jdbc.sql("select id, name, effective_on, status, uploaded_by, uploaded_at, applied_by, applied_at"
            + " from reorganisation order by id desc fetch first " + limit + " rows only")
        .query((rs, n) -> {
          ReorganisationStatus status = ReorganisationStatus.valueOf(rs.getString(4));
          return new Line(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), status, status.label(),
              rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
              rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant());
        })
        .list();
  }
}
