package vn.nangbuoc.reorganisation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.nangbuoc.casefile.CaseDataEraser;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.system.EngineTime;

/** The reorganisations and their plans: which case goes where, and whether it has been carried across. */
@Repository
class Reorganisations implements CaseDataEraser {

  record Reorganisation(long id, String name, LocalDate effective, String changeSet, ReorganisationStatus status,
      String uploadedBy, Instant uploadedAt, String preview, String appliedBy, Instant applyStartedAt,
      Instant appliedAt, boolean stopRequested, String summary) {
  }

  /** One case of the plan: its pathway, where it was and where it goes. */
  record PlannedCase(long caseId, String processInstanceId, String fromCommune, String toCommune) {
  }

  private final JdbcClient jdbc;

  Reorganisations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long create(ChangeSet changeSet, String text, String user, String preview) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into reorganisation (name, effective_on, change_set, status, uploaded_by, uploaded_at, preview)"
            + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(changeSet.name(), changeSet.effective(), text, ReorganisationStatus.PREVIEWED.name(), user,
            Timestamp.from(EngineTime.now()), preview)
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** What the upload's preview saw of the organisation ({@link OrganisationFingerprint}). */
  void fingerprint(long id, String fingerprint) {
    jdbc.sql("update reorganisation set organisation_fingerprint = ? where id = ?").params(fingerprint, id).update();
  }

  Optional<String> fingerprintOf(long id) {
    return jdbc.sql("select organisation_fingerprint from reorganisation where id = ?").param(id)
        .query(String.class).optional();
  }

  Optional<Reorganisation> find(long id) {
    return jdbc.sql("select id, name, effective_on, change_set, status, uploaded_by, uploaded_at, preview, applied_by,"
            + " apply_started_at, applied_at, stop_requested, summary from reorganisation where id = ?")
        .param(id)
        .query((rs, n) -> new Reorganisation(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
            rs.getString(4), ReorganisationStatus.valueOf(rs.getString(5)), rs.getString(6),
            rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9), instant(rs.getTimestamp(10)),
            instant(rs.getTimestamp(11)), rs.getBoolean(12), rs.getString(13)))
        .optional();
  }

  List<Reorganisation> recent(int limit) {
    return jdbc.sql("select id from reorganisation order by id desc fetch first " + limit + " rows only")
        .query(Long.class).list().stream().map(id -> find(id).orElseThrow()).toList();
  }

  /**
   * Claims the apply for {@code runner}: answers false while another run has said within {@code lease} that it is
   * alive (two nodes, or the same request sent twice, never carry the same cases or move the same money).
   */
  boolean claimRun(long id, String runner, Instant now, java.time.Duration lease) {
    return jdbc.sql("update reorganisation set runner = ?, runner_seen_at = ? where id = ?"
            + " and (runner is null or runner = ? or runner_seen_at < ?)")
        .params(runner, Timestamp.from(now), id, runner, Timestamp.from(now.minus(lease)))
        .update() == 1;
  }

  /** The run says it is alive; false: it lost the apply to another run (it was silent longer than the lease). */
  boolean stillRunning(long id, String runner, Instant now) {
    return jdbc.sql("update reorganisation set runner_seen_at = ? where id = ? and runner = ?")
        .params(Timestamp.from(now), id, runner).update() == 1;
  }

  /** Whether the run still holds the apply (read without locking the row, which every batch would share). */
  boolean holds(long id, String runner) {
    return jdbc.sql("select count(*) from reorganisation where id = ? and runner = ?").params(id, runner)
        .query(Long.class).single() == 1;
  }

  void releaseRun(long id, String runner) {
    jdbc.sql("update reorganisation set runner = null, runner_seen_at = null where id = ? and runner = ?")
        .params(id, runner).update();
  }

  /** Marks the start of an apply (or of its resumption): the first start and its administrator stay. */
  void starting(long id, String user) {
    jdbc.sql("update reorganisation set status = ?, stop_requested = false,"
            + " applied_by = coalesce(applied_by, ?), apply_started_at = coalesce(apply_started_at, ?) where id = ?")
        .params(ReorganisationStatus.APPLYING.name(), user, Timestamp.from(EngineTime.now()), id)
        .update();
  }

  void stopped(long id) {
    jdbc.sql("update reorganisation set status = ? where id = ?").params(ReorganisationStatus.STOPPED.name(), id)
        .update();
  }

  void applied(long id, String summary) {
    jdbc.sql("update reorganisation set status = ?, applied_at = ?, summary = ? where id = ?")
        .params(ReorganisationStatus.APPLIED.name(), Timestamp.from(EngineTime.now()), summary, id)
        .update();
  }

  void requestStop(long id) {
    jdbc.sql("update reorganisation set stop_requested = true where id = ?").param(id).update();
  }

  boolean stopRequested(long id) {
    return jdbc.sql("select stop_requested from reorganisation where id = ?").param(id).query(Boolean.class).single();
  }

  /** Plans the cases of the communes to go to {@code to}; a case planned already keeps its row. */
  int planMoves(long id, Collection<String> communes, String to) {
    if (communes.isEmpty()) {
      return 0;
    }
    return jdbc.sql("insert into reorganisation_case (reorganisation_id, case_id, from_commune, to_commune)"
            + " select :id, c.id, c.commune_code, :to from case_file c where c.commune_code in (:communes)"
            + " and not exists (select 1 from reorganisation_case r where r.reorganisation_id = :id"
            + " and r.case_id = c.id)")
        .param("id", id).param("to", to).param("communes", communes)
        .update();
  }

  /** Plans the cases of the communes to stay where they are (their agencies change, not their commune). */
  int planStays(long id, Collection<String> communes) {
    if (communes.isEmpty()) {
      return 0;
    }
    return jdbc.sql("insert into reorganisation_case (reorganisation_id, case_id, from_commune, to_commune)"
            + " select :id, c.id, c.commune_code, c.commune_code from case_file c where c.commune_code in (:communes)"
            + " and not exists (select 1 from reorganisation_case r where r.reorganisation_id = :id"
            + " and r.case_id = c.id)")
        .param("id", id).param("communes", communes)
        .update();
  }

  /** Plans the cases of these pathways (their open tasks sit with an agency that changed) to stay. */
  int planPathways(long id, Collection<String> processInstanceIds) {
    int planned = 0;
    List<String> all = List.copyOf(processInstanceIds);
    for (int first = 0; first < all.size(); first += 500) {
      planned += jdbc.sql("insert into reorganisation_case (reorganisation_id, case_id, from_commune, to_commune)"
              + " select :id, c.id, c.commune_code, c.commune_code from case_file c"
              + " where c.process_instance_id in (:pids) and not exists (select 1 from reorganisation_case r"
              + " where r.reorganisation_id = :id and r.case_id = c.id)")
          .param("id", id).param("pids", all.subList(first, Math.min(all.size(), first + 500)))
          .update();
    }
    return planned;
  }

  /** How many planned cases go to each commune, open and closed apart: for the preview. */
  record Destination(String fromCommune, String toCommune, String status, int cases) {
  }

  List<Destination> destinations(long id) {
    return jdbc.sql("select r.from_commune, r.to_commune, c.status, count(*) from reorganisation_case r"
            + " join case_file c on c.id = r.case_id where r.reorganisation_id = ?"
            + " group by r.from_commune, r.to_commune, c.status order by r.to_commune, r.from_commune, c.status")
        .param(id)
        .query((rs, n) -> new Destination(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
        .list();
  }

  List<PlannedCase> nextToCarry(long id, int batch) {
    return nextToCarry(id, batch, 0, 1);
  }

  /** The next cases of one of {@code workers} workers: each carries the cases whose id leaves its remainder. */
  List<PlannedCase> nextToCarry(long id, int batch, int worker, int workers) {
    return jdbc.sql("select r.case_id, c.process_instance_id, r.from_commune, r.to_commune from reorganisation_case r"
            + " join case_file c on c.id = r.case_id where r.reorganisation_id = ? and r.done = false"
            + " and mod(r.case_id, ?) = ? order by r.case_id fetch first " + batch + " rows only")
        .params(id, workers, worker)
        .query((rs, n) -> new PlannedCase(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  void carried(long id, Collection<Long> caseIds) {
    if (!caseIds.isEmpty()) {
      jdbc.sql("update reorganisation_case set done = true where reorganisation_id = :id and case_id in (:cases)")
          .param("id", id).param("cases", caseIds).update();
    }
  }

  /** Adds a batch's re-routed tasks to the group's count, in the batch's transaction. */
  void countRerouted(long id, Map<String, Integer> tasksByGroup) {
    tasksByGroup.forEach((group, tasks) -> {
      if (jdbc.sql("update reorganisation_rerouted set tasks = tasks + ? where reorganisation_id = ? and group_id = ?")
          .params(tasks, id, group).update() == 0) {
        jdbc.sql("insert into reorganisation_rerouted (reorganisation_id, group_id, tasks) values (?, ?, ?)")
            .params(id, group, tasks).update();
      }
    });
  }

  /** The open tasks the reorganisation handed to each group, over all its runs. */
  Map<String, Integer> rerouted(long id) {
    Map<String, Integer> tasks = new TreeMap<>();
    jdbc.sql("select group_id, tasks from reorganisation_rerouted where reorganisation_id = ?").param(id)
        .query((rs, n) -> tasks.put(rs.getString(1), rs.getInt(2))).list();
    return tasks;
  }

  record Progress(int planned, int carried) {
  }

  Progress progress(long id) {
    return jdbc.sql("select count(*), coalesce(sum(case when done then 1 else 0 end), 0) from reorganisation_case"
            + " where reorganisation_id = ?")
        .param(id).query((rs, n) -> new Progress(rs.getInt(1), rs.getInt(2))).single();
  }

  @Override
  public void erase(CaseFile file) {
    jdbc.sql("delete from reorganisation_case where case_id = ?").param(file.id()).update();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
