package vn.nangbuoc.erasure;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of erasures, for administrators and auditors: kind, reason, who, when. */
@Repository
class ErasureLog {

  record Erasure(long id, ErasureKind kind, String reason, String erasedBy, Instant erasedAt) {
  }

  private final JdbcClient jdbc;

  ErasureLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Erasure> recent(int limit) {
    return jdbc.sql("select id, kind, reason, erased_by, erased_at from case_erasure order by id desc"
            + " fetch first ? rows only")
        .param(limit)
        .query((rs, n) -> new Erasure(rs.getLong(1), ErasureKind.valueOf(rs.getString(2)), rs.getString(3),
            rs.getString(4), rs.getTimestamp(5).toInstant()))
        .list();
  }
}
