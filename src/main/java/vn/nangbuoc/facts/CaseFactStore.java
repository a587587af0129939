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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
  /** Where each column the table has is among {@link CaseFact#COLUMNS}, in that order. */
  private final int[] written;
  private final String insert;

  /**
   * Writes the columns the table has: all of them for the application, those of V61 for the migration V62 that
   * runs before V63 adds the plan year and the other sources' money (and fills them itself).
   */
  CaseFactStore(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.json = json;
    Set<String> present = new HashSet<>();
    jdbc.query("select * from case_fact where 1 = 0", (ResultSet rs) -> {
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        present.add(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
      }
      return null;
    });
    List<String> columns = CaseFact.COLUMNS.stream().filter(present::contains).toList();
    this.written = columns.stream().mapToInt(CaseFact.COLUMNS::indexOf).toArray();
    this.insert = "insert into case_fact (" + String.join(", ", columns) + ") values ("
        + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
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
        + " closure_outcome, programme_code, plan_year from case_file where id in (:ids)", ids, CaseFactStore::caseRow);
    Map<Long, List<StepRow>> records = new HashMap<>();
    named.query("select case_id, step, recorded_at, data from case_step_record where case_id in (:ids) order by id",
        ids, rs -> {
          records.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
              .add(new StepRow(rs.getString(2), rs.getTimestamp(3).toInstant(), read(rs.getString(4))));
        });
    List<Object[]> facts = rows.stream()
        .map(row -> written(CaseFactDerivation.derive(row, records.getOrDefault(row.id(), List.of()),
            reform.get(row.id()), now).values()))
        .toList();
    named.update("delete from case_fact where case_id in (:ids)", ids);
    jdbc.batchUpdate(insert, facts);
  }

  private Object[] written(Object[] values) {
    Object[] row = new Object[written.length];
    for (int i = 0; i < written.length; i++) {
      row[i] = values[written[i]];
    }
    return row;
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
        rs.getString("closure_outcome"), rs.getString("programme_code"), rs.getInt("plan_year"));
  }

  private Map<String, Object> read(String data) {
    try {
      return json.readValue(data, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Step record is not valid JSON", e);
    }
  }
}
