package vn.nangbuoc.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.nangbuoc.system.EngineTime;

/**
 * Fills the report facts of the case files recorded before the facts existed, with the rule every step uses
 * ({@link CaseFactDerivation}). Tasks completed before then have their step and day, not their agency or due date,
 * which only the engine kept: they count among tasks done, not among tasks done on time or late.
 */
public final class FactsBackfill {

  private FactsBackfill() {
  }

  /** @return how many case files got their facts */
  public static int fill(Connection connection) {
    JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    Map<Long, String> reform = new HashMap<>();
    // the first reorganisation that carried a case on says where it was in the old structure
    jdbc.query("select rc.case_id, rc.from_commune from reorganisation_case rc join reorganisation r"
        + " on r.id = rc.reorganisation_id where rc.done = true and rc.from_commune <> rc.to_commune"
        + " order by r.applied_at desc, r.id desc", rs -> {
          reform.put(rs.getLong(1), rs.getString(2));
        });
    CaseFactStore store = new CaseFactStore(jdbc, new ObjectMapper());
    List<Long> ids = jdbc.queryForList("select id from case_file where id not in (select case_id from case_fact)"
        + " order by id", Long.class);
    for (int from = 0; from < ids.size(); from += CaseFactStore.BATCH) {
      store.refresh(ids.subList(from, Math.min(ids.size(), from + CaseFactStore.BATCH)), reform, EngineTime.now());
    }
    List<Object[]> tasks = new ArrayList<>();
    jdbc.query("select case_id, step, task_id, recorded_at from case_step_record where task_id is not null"
        + " and task_id not in (select task_id from case_task_fact where task_id is not null) order by id", rs -> {
          Timestamp at = rs.getTimestamp(4);
          tasks.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), at,
              CaseFactDerivation.day(at.toInstant())});
        });
    jdbc.batchUpdate("insert into case_task_fact (case_id, step, task_id, completed_at, completed_on)"
        + " values (?, ?, ?, ?, ?)", tasks);
    return ids.size();
  }
}
