package vn.nangbuoc.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.nangbuoc.facts.CaseFactDerivation.CaseRow;
import vn.nangbuoc.facts.CaseFactDerivation.StepRow;

/**
 * Reads what {@link CaseFactDerivation} needs for a batch of case files and writes their facts: the same code for a
 * step as it records and for the migration that fills the facts of case files recorded before (which has no Spring
 * context, hence plain JDBC templates).
 */
final class CaseFactStore {

  /** Case files per read and per write: well under every driver's parameter limit. */
  static final int BATCH = 500;

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
  };

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final ObjectMapper json;

  CaseFactStore(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.json = json;
  }

  /**
   * Derives and writes again the facts of these case files (at most {@link #BATCH}); a case file that no longer
   * exists loses its facts.
   *
   * @param reformCommunes for each case carried on by a reorganisation, the commune it was in before; a case not
   *     named keeps the one its facts already say
   */
  void refresh(List<Long> caseIds, Map<Long, String> reformCommunes, Instant now) {
    if (caseIds.isEmpty()) {
      return;
    }
    Map<String, Object> ids = Map.of("ids", caseIds);
    Map<Long, String> reform = new HashMap<>();
    named.query("select case_id, reform_commune_code from case_fact where case_id in (:ids)"
        + " and reform_commune_code is not null", ids, rs -> {
          reform.put(rs.getLong(1), rs.getString(2));
        });
    reformCommunes.forEach(reform::putIfAbsent);
    List<CaseRow> rows = named.query("select id, status, commune_code, sex, date_of_birth, ethnicity,"
        + " household_status, disability_type, disability_level, condition_group, listed_at, closed_at,"
        + " closure_outcome from case_file where id in (:ids)", ids, CaseFactStore::caseRow);
    Map<Long, List<StepRow>> records = new HashMap<>();
    named.query("select case_id, step, recorded_at, data from case_step_record where case_id in (:ids) order by id",
        ids, rs -> {
          records.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
              .add(new StepRow(rs.getString(2), rs.getTimestamp(3).toInstant(), read(rs.getString(4))));
        });
    List<Object[]> facts = rows.stream()
        .map(row -> CaseFactDerivation.derive(row, records.getOrDefault(row.id(), List.of()), reform.get(row.id()),
            now).values())
        .toList();
    named.update("delete from case_fact where case_id in (:ids)", ids);
    jdbc.batchUpdate(CaseFact.INSERT, facts);
  }

  void remove(long caseId) {
    jdbc.update("delete from case_task_fact where case_id = ?", caseId);
    jdbc.update("delete from case_fact where case_id = ?", caseId);
  }

  private static CaseRow caseRow(ResultSet rs, int row) throws SQLException {
    Timestamp closed = rs.getTimestamp("closed_at");
    return new CaseRow(rs.getLong("id"), rs.getString("status"), rs.getString("commune_code"), rs.getString("sex"),
        rs.getDate("date_of_birth").toLocalDate(), rs.getString("ethnicity"), rs.getString("household_status"),
        rs.getString("disability_type"), rs.getString("disability_level"), rs.getString("condition_group"),
        rs.getTimestamp("listed_at").toInstant(), closed == null ? null : closed.toInstant(),
        rs.getString("closure_outcome"));
  }

  private Map<String, Object> read(String data) {
    try {
      return json.readValue(data, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Step record is not valid JSON", e);
    }
  }
}
