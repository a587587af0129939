package vn.nangbuoc.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every change of a group's members or of an authorization that a person made: who, what, when.
 * Append only: an administrator who gave himself a right cannot take the trace back.
 */
@Repository
class IdentityChangeLog {

  enum Action {
    MEMBERSHIP_ADDED, MEMBERSHIP_REMOVED, GROUP_DELETED, USER_CREATED, USER_CHANGED, PASSWORD_CHANGED, USER_DELETED,
    AUTHORIZATION_CREATED, AUTHORIZATION_CHANGED, AUTHORIZATION_DELETED
  }

  record Change(long id, Instant changedAt, String actor, Action action, String groupId, String userId,
      String detail) {
  }

  private final JdbcClient jdbc;

  IdentityChangeLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(Instant at, String actor, Action action, String groupId, String userId, String detail) {
    jdbc.sql("insert into identity_change_log (changed_at, actor, action, group_id, user_id, detail)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(Timestamp.from(at), actor, action.name(), groupId, userId,
            detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500))
        .update();
  }

  List<Change> recent(int limit) {
    return jdbc.sql("select id, changed_at, actor, action, group_id, user_id, detail from identity_change_log"
            + " order by id desc fetch first ? rows only")
        .param(limit)
        .query((rs, n) -> new Change(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
            Action.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7)))
        .list();
  }
}
