package vn.nangbuoc.casefile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every change of a case file's fields: which field, old and new value, who, when. Never changed. */
@Repository
public class CaseChanges {

  public record Change(String field, String oldValue, String newValue, String changedBy, Instant changedAt) {
  }

  private final JdbcClient jdbc;

  CaseChanges(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(long caseId, Change change) {
    jdbc.sql("insert into case_change (case_id, field, old_value, new_value, changed_by, changed_at)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(caseId, change.field(), change.oldValue(), change.newValue(), change.changedBy(),
            Timestamp.from(change.changedAt()))
        .update();
  }

  public List<Change> of(long caseId) {
    return jdbc.sql("select field, old_value, new_value, changed_by, changed_at from case_change where case_id = ?"
            + " order by id")
        .param(caseId)
        .query((rs, n) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()))
        .list();
  }
}
