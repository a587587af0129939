package vn.nangbuoc.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.nangbuoc.system.EngineTime;

/**
 * Every read of a child's case file: who, when, which case, through what, from where. Append only:
 * no code path deletes or changes a row, so a caseworker cannot erase a look they had.
 */
@Repository
public class CaseAccessLog {

  /** Through what the case was read. */
  public enum Channel {
    API("Giao diện lập trình (API)"),
    TASK_FORM("Biểu mẫu công việc"),
    CASE_PAGE("Trang hồ sơ"),
    EXPORT("Tệp xuất từ sổ quỹ"),
    DOCUMENT("Tải tài liệu của hồ sơ"),
    /** A list that shows the child: the case list, likely duplicates, the approvals waiting. */
    LIST("Danh sách có tên trẻ"),
    /** The case files behind a number of the indicators' report. */
    REPORT("Danh sách hồ sơ sau số liệu báo cáo");

    private final String label;

    Channel(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public record Access(long caseId, String userId, Instant accessedAt, Channel channel, String remoteAddress) {
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  CaseAccessLog(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  public void record(long caseId, String userId, Channel channel, String remoteAddress) {
    jdbc.sql("insert into case_access_log (case_id, user_id, accessed_at, channel, remote_address)"
            + " values (?, ?, ?, ?, ?)")
        .params(caseId, userId, Timestamp.from(EngineTime.now()), channel.name(), remoteAddress)
        .update();
  }

  /** One row per case shown, in one batch: a list page shows up to a few hundred children. */
  public void recordAll(Collection<Long> caseIds, String userId, Channel channel, String remoteAddress) {
    if (caseIds.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(EngineTime.now());
    List<Object[]> rows = caseIds.stream().distinct()
        .map(caseId -> new Object[] {caseId, userId, now, channel.name(), remoteAddress}).toList();
    batch.batchUpdate("insert into case_access_log (case_id, user_id, accessed_at, channel, remote_address)"
        + " values (?, ?, ?, ?, ?)", rows);
  }

  /** A page of the reads of a case, newest first: a case shown in many lists is read thousands of times. */
  public List<Access> page(long caseId, int page, int size) {
    return jdbc.sql("select case_id, user_id, accessed_at, channel, remote_address from case_access_log"
            + " where case_id = ? order by id desc offset ? rows fetch next ? rows only")
        .params(caseId, (long) page * size, size)
        .query(CaseAccessLog::access)
        .list();
  }

  public long count(long caseId) {
    return jdbc.sql("select count(*) from case_access_log where case_id = ?").param(caseId).query(Long.class).single();
  }

  public List<Access> of(long caseId) {
    return jdbc.sql("select case_id, user_id, accessed_at, channel, remote_address from case_access_log"
            + " where case_id = ? order by id")
        .param(caseId)
        .query(CaseAccessLog::access)
        .list();
  }

  private static Access access(ResultSet rs, int row) throws SQLException {
    return new Access(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), Channel.valueOf(rs.getString(4)),
        rs.getString(5));
  }
}
