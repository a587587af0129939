package vn.nangbuoc.caseimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Imports and their rows. A row's cells (the child's details as typed) live until the import is decided; a
 * confirmed import keeps the few that say who a row was for as long as a preview is kept.
 */
@Repository
class CaseImports {

  private static final TypeReference<Map<String, String>> CELLS = new TypeReference<>() {
  };
  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final ObjectMapper json;

  CaseImports(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ObjectMapper json) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.json = json;
  }

  long create(String fileName, String sha256, String user, Instant at, List<RowResult> rows) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into case_import (file_name, file_sha256, uploaded_by, uploaded_at, row_count, status)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(fileName, sha256, user, Timestamp.from(at), rows.size(), CaseImport.Status.PREVIEWED.name())
        .update(key, "id");
    long id = key.getKey().longValue();
    jdbcTemplate.batchUpdate("insert into case_import_row (import_id, row_number, outcome, message, case_id, cells)"
        + " values (?, ?, ?, ?, ?, ?)", rows, BATCH, (statement, row) -> {
          statement.setLong(1, id);
          statement.setInt(2, row.rowNumber());
          statement.setString(3, row.outcome().name());
          statement.setString(4, row.message());
          statement.setObject(5, row.caseId());
          statement.setString(6, write(row.cells()));
        });
    return id;
  }

  Optional<CaseImport> find(long id) {
    return jdbc.sql("select id, file_name, file_sha256, uploaded_by, uploaded_at, row_count, status, decided_at,"
        + " created_count from case_import where id = ?").param(id).query(this::map).optional();
  }

  List<CaseImport> recentOf(String user, int limit) {
    return jdbc.sql("select id, file_name, file_sha256, uploaded_by, uploaded_at, row_count, status, decided_at,"
            + " created_count from case_import where uploaded_by = ? order by id desc fetch first ? rows only")
        .params(user, limit).query(this::map).list();
  }

  /** The confirmed import of the same file, if there was one: worth telling the uploader. */
  Optional<CaseImport> confirmedEarlier(String sha256, long before) {
    return jdbc.sql("select id, file_name, file_sha256, uploaded_by, uploaded_at, row_count, status, decided_at,"
            + " created_count from case_import where file_sha256 = ? and status = 'CONFIRMED' and id < ?"
            + " order by id desc fetch first 1 rows only")
        .params(sha256, before).query(this::map).optional();
  }

  List<RowResult> rows(long importId) {
    return jdbc.sql("select r.row_number, r.outcome, r.message, r.case_id, c.case_number, r.cells"
            + " from case_import_row r left join case_file c on c.id = r.case_id where r.import_id = ?"
            + " order by r.row_number")
        .param(importId)
        .query((rs, n) -> new RowResult(rs.getInt(1), RowOutcome.valueOf(rs.getString(2)), rs.getString(3),
            (Long) rs.getObject(4, Long.class), rs.getString(5), read(rs.getString(6))))
        .list();
  }

  /** Takes the decision: true for the one caller that found it still waiting (a second click finds it taken). */
  boolean decide(long id, CaseImport.Status status, Instant at) {
    return jdbc.sql("update case_import set status = ?, decided_at = ? where id = ? and status = 'PREVIEWED'")
        .params(status.name(), Timestamp.from(at), id).update() == 1;
  }

  /**
   * What the confirmation did with every row. Of the typed details only what the row's cells still hold
   * stays (the caller keeps name, birth date and commune, so the result still says who each row was), until
   * {@link #expireBefore}.
   */
  void recordOutcomes(long id, List<RowResult> rows, int created) {
    jdbcTemplate.batchUpdate("update case_import_row set outcome = ?, message = ?, case_id = ?, cells = ?"
        + " where import_id = ? and row_number = ?", rows, BATCH, (statement, row) -> {
          statement.setString(1, row.outcome().name());
          statement.setString(2, row.message());
          statement.setObject(3, row.caseId());
          statement.setString(4, write(row.cells()));
          statement.setLong(5, id);
          statement.setInt(6, row.rowNumber());
        });
    jdbc.sql("update case_import set created_count = ? where id = ?").params(created, id).update();
  }

  void forgetCells(long id) {
    jdbc.sql("update case_import_row set cells = null where import_id = ?").param(id).update();
  }

  /**
   * Previews nobody confirmed in time: their typed details go, the import shows as expired. Confirmed
   * imports as old lose what their result kept of the rows.
   */
  int expireBefore(Instant cutoff, Instant now) {
    jdbc.sql("update case_import_row set cells = null where cells is not null and import_id in"
        + " (select id from case_import where status = 'CONFIRMED' and decided_at < ?)")
        .param(Timestamp.from(cutoff)).update();
    List<Long> stale = jdbc.sql("select id from case_import where status = 'PREVIEWED' and uploaded_at < ?")
        .param(Timestamp.from(cutoff)).query(Long.class).list();
    for (long id : stale) {
      if (decide(id, CaseImport.Status.EXPIRED, now)) {
        forgetCells(id);
      }
    }
    return stale.size();
  }

  private CaseImport map(ResultSet rs, int row) throws SQLException {
    Timestamp decided = rs.getTimestamp(8);
    return new CaseImport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getTimestamp(5).toInstant(), rs.getInt(6), CaseImport.Status.valueOf(rs.getString(7)),
        decided == null ? null : decided.toInstant(), (Integer) rs.getObject(9, Integer.class));
  }

  private String write(Map<String, String> cells) {
    try {
      return cells == null ? null : json.writeValueAsString(cells);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Row cells cannot be written as JSON", e);
    }
  }

  private Map<String, String> read(String cells) {
    try {
      return cells == null ? null : json.readValue(cells, CELLS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored row cells are not valid JSON", e);
    }
  }
}
