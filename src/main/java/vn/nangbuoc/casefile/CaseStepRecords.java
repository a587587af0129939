package vn.nangbuoc.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each pathway step recorded (findings, procedures, decisions with their reasons), appended
 * once per completed step and never changed: the audit trail of the case and the place where
 * sensitive details live instead of process variables.
 */
@Repository
public class CaseStepRecords {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
  };

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final ApplicationEventPublisher events;
  private final JdbcTemplate jdbcTemplate;

  CaseStepRecords(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events, JdbcTemplate jdbcTemplate) {
    this.jdbc = jdbc;
    this.json = json;
    this.events = events;
    this.jdbcTemplate = jdbcTemplate;
  }

  /** A record to append, with its case: {@link #appendAll}. */
  public record NewRecord(long caseId, String step, String taskId, String userId, Instant at,
      Map<String, Object> data) {
  }

  /** {@link #append} for many cases at once (a reorganisation's batch), in one JDBC batch. */
  public void appendAll(List<NewRecord> records) {
    jdbcTemplate.batchUpdate("insert into case_step_record (case_id, step, task_id, recorded_by, recorded_at, data)"
        + " values (?, ?, ?, ?, ?, ?)", records.stream().map(r -> new Object[] {r.caseId(), r.step(), r.taskId(),
            r.userId(), Timestamp.from(r.at()), write(r.data())}).toList());
    if (!records.isEmpty()) {
      events.publishEvent(new CaseFileChanged(records.stream().map(NewRecord::caseId).distinct().toList(), null));
    }
  }

  public void append(long caseId, String step, String taskId, String userId, Instant at, Map<String, Object> data) {
    jdbc.sql("insert into case_step_record (case_id, step, task_id, recorded_by, recorded_at, data)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(caseId, step, taskId, userId, Timestamp.from(at), write(data))
        .update();
    events.publishEvent(CaseFileChanged.of(caseId));
  }

  public Optional<StepRecord> latest(long caseId, String step) {
    return jdbc.sql("select step, task_id, recorded_by, recorded_at, data from case_step_record"
            + " where case_id = ? and step = ? order by id desc")
        .params(caseId, step)
        .query((rs, n) -> new StepRecord(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(), read(rs.getString(5))))
        .list().stream().findFirst();
  }

  public List<StepRecord> all(long caseId) {
    return jdbc.sql("select step, task_id, recorded_by, recorded_at, data from case_step_record"
            + " where case_id = ? order by id")
        .param(caseId)
        .query((rs, n) -> new StepRecord(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(), read(rs.getString(5))))
        .list();
  }

  /** How many records of a step carry this value in a field, for example screenings with ABSENT. */
  public long count(long caseId, String step, String field, Object value) {
    return all(caseId).stream()
        .filter(r -> r.step().equals(step) && String.valueOf(value).equals(String.valueOf(r.data().get(field))))
        .count();
  }

  private String write(Map<String, Object> data) {
    try {
      return json.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Step data cannot be written as JSON", e);
    }
  }

  private Map<String, Object> read(String data) {
    try {
      return json.readValue(data, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Step record is not valid JSON", e);
    }
  }

  public record StepRecord(
      String step, String taskId, String recordedBy, Instant recordedAt, Map<String, Object> data) {
  }
}
