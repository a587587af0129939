package vn.nangbuoc.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.nangbuoc.database.DatabaseProduct;

@Repository
class CaseFileRepository {

  private static final String COLUMNS = "id, case_number, full_name, date_of_birth, sex, ethnicity, personal_id,"
      + " address, commune_code, condition_group, status, closure_outcome, process_instance_id, listed_by,"
      + " listed_at, version, household_status, disability_type, disability_level, current_step, merged_into,"
      + " programme_code, plan_year";

  /** Rows per JDBC batch and per IN list: well under every driver's parameter limit. */
  static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final DatabaseProduct database;

  CaseFileRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, DatabaseProduct database) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.database = database;
  }

  /** An enrolment: a new case is open, so its personal ID is also its open_personal_id (see V59). */
  long insert(String caseNumber, ChildListing child, Enrolment enrolment, String listedBy, Instant listedAt) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into case_file (case_number, full_name, date_of_birth, sex, ethnicity, personal_id, address,"
            + " commune_code, condition_group, status, listed_by, listed_at, version, household_status,"
            + " disability_type, disability_level, name_folded, programme_code, plan_year, open_personal_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)")
        .params(caseNumber, child.fullName(), child.dateOfBirth(), child.sex().name(), child.ethnicity(),
            child.personalId(), child.address(), child.communeCode(), child.conditionGroup().name(),
            CaseStatus.ACTIVE.name(), listedBy, Timestamp.from(listedAt), name(child.householdStatus()),
            name(child.disabilityType()), name(child.disabilityLevel()), NameFolding.fold(child.fullName()),
            enrolment.programme(), enrolment.planYear(), child.personalId())
        .update(key, "id");
    long id = key.getKey().longValue();
    jdbc.sql("insert into case_caregiver (case_id, full_name, relation, phone) values (?, ?, ?, ?)")
        .params(id, child.caregiverName(), child.caregiverRelation().name(), child.caregiverPhone())
        .update();
    return id;
  }

  /** Many case files in one go (an import): batched inserts; returns the new ids in the order given. */
  List<Long> insertAll(List<String> caseNumbers, List<ChildListing> children, Enrolment enrolment, String listedBy,
      Instant listedAt) {
    Timestamp at = Timestamp.from(listedAt);
    List<Integer> rows = IntStream.range(0, children.size()).boxed().toList();
    jdbcTemplate.batchUpdate("insert into case_file (case_number, full_name, date_of_birth, sex, ethnicity,"
            + " personal_id, address, commune_code, condition_group, status, listed_by, listed_at, version,"
            + " household_status, disability_type, disability_level, name_folded, programme_code, plan_year,"
            + " open_personal_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)",
        rows, BATCH, (statement, row) -> {
          ChildListing child = children.get(row);
          int i = 1;
          statement.setString(i++, caseNumbers.get(row));
          statement.setString(i++, child.fullName());
          statement.setObject(i++, child.dateOfBirth());
          statement.setString(i++, child.sex().name());
          statement.setString(i++, child.ethnicity());
          statement.setString(i++, child.personalId());
          statement.setString(i++, child.address());
          statement.setString(i++, child.communeCode());
          statement.setString(i++, child.conditionGroup().name());
          statement.setString(i++, CaseStatus.ACTIVE.name());
          statement.setString(i++, listedBy);
          statement.setTimestamp(i++, at);
          statement.setString(i++, name(child.householdStatus()));
          statement.setString(i++, name(child.disabilityType()));
          statement.setString(i++, name(child.disabilityLevel()));
          statement.setString(i++, NameFolding.fold(child.fullName()));
          statement.setString(i++, enrolment.programme());
          statement.setInt(i++, enrolment.planYear());
          statement.setString(i, child.personalId());
        });
    Map<String, Long> ids = new HashMap<>();
    for (int from = 0; from < caseNumbers.size(); from += BATCH) {
      List<String> chunk = caseNumbers.subList(from, Math.min(caseNumbers.size(), from + BATCH));
      jdbc.sql("select id, case_number from case_file where case_number in (:numbers)").param("numbers", chunk)
          .query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1))).list();
    }
    List<Long> ordered = caseNumbers.stream().map(ids::get).toList();
    refreshStatisticsAfter(children.size());
    jdbcTemplate.batchUpdate("insert into case_caregiver (case_id, full_name, relation, phone) values (?, ?, ?, ?)",
        rows, BATCH, (statement, row) -> {
          ChildListing child = children.get(row);
          statement.setLong(1, ordered.get(row));
          statement.setString(2, child.caregiverName());
          statement.setString(3, child.caregiverRelation().name());
          statement.setString(4, child.caregiverPhone());
        });
    return ordered;
  }

  /**
   * After thousands of new rows PostgreSQL's planner still believes the table as small as its last
   * statistics say, and answers the next import's look-ups (IN lists of 500 names) with full scans:
   * measured, each 10,000-row import took twice as long as the one before. Autovacuum would catch
   * up within minutes; an import does it at once.
   */
  private void refreshStatisticsAfter(int inserted) {
    if (inserted >= 1000 && database.postgres()) {
      jdbc.sql("analyze case_file").update();
      jdbc.sql("analyze case_caregiver").update();
    }
  }

  /**
   * The latest case file of each of these personal IDs, by ID: the open one where there is one, else the one
   * of the latest plan year (a child enrolled again has one case file per enrolment).
   */
  Map<String, CaseFile> findByPersonalIds(Collection<String> personalIds) {
    Map<String, CaseFile> found = new HashMap<>();
    List<String> all = List.copyOf(personalIds);
    for (int from = 0; from < all.size(); from += BATCH) {
      // ordered so that the latest is put last and stays
      jdbc.sql("select " + COLUMNS + " from case_file where personal_id in (:ids)"
              + " order by case when status = 'ACTIVE' then 1 else 0 end, plan_year, id")
          .param("ids", all.subList(from, Math.min(all.size(), from + BATCH)))
          .query(this::map).list().forEach(file -> found.put(file.personalId(), file));
    }
    return found;
  }

  /** Every case file of each of these personal IDs, by ID, oldest plan year first (as findAllByPersonalId). */
  Map<String, List<CaseFile>> findAllByPersonalIds(Collection<String> personalIds) {
    Map<String, List<CaseFile>> found = new HashMap<>();
    List<String> all = List.copyOf(personalIds);
    for (int from = 0; from < all.size(); from += BATCH) {
      jdbc.sql("select " + COLUMNS + " from case_file where personal_id in (:ids) order by plan_year, id")
          .param("ids", all.subList(from, Math.min(all.size(), from + BATCH)))
          .query(this::map).list()
          .forEach(file -> found.computeIfAbsent(file.personalId(), id -> new ArrayList<>()).add(file));
    }
    return found;
  }

  /** Case files whose folded name is one of these (the first filter of a likely-duplicate check). */
  List<CaseFile> findByFoldedNames(Collection<String> foldedNames) {
    List<CaseFile> found = new ArrayList<>();
    List<String> all = List.copyOf(foldedNames);
    for (int from = 0; from < all.size(); from += BATCH) {
      found.addAll(jdbc.sql("select " + COLUMNS + " from case_file where name_folded in (:names)")
          .param("names", all.subList(from, Math.min(all.size(), from + BATCH)))
          .query(this::map).list());
    }
    return found;
  }

  Optional<CaseFile> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from case_file where id = ?").param(id).query(this::map).optional();
  }

  Optional<CaseFile> findByProcessInstance(String processInstanceId) {
    return jdbc.sql("select " + COLUMNS + " from case_file where process_instance_id = ?").param(processInstanceId)
        .query(this::map).optional();
  }

  /** Every case file of this personal ID, in every programme: the child's enrolments, oldest plan year first. */
  List<CaseFile> findAllByPersonalId(String personalId) {
    return jdbc.sql("select " + COLUMNS + " from case_file where personal_id = ? order by plan_year, id")
        .param(personalId).query(this::map).list();
  }

  Optional<String> programmeName(String code) {
    return jdbc.sql("select name from programme where code = ?").param(code).query(String.class).optional();
  }

  /** Optimistic lock: false when someone else changed the case since {@code version} was read. */
  boolean updateIdentity(long id, int version, ChildListing child) {
    boolean updated = jdbc.sql("update case_file set full_name = ?, date_of_birth = ?, sex = ?, ethnicity = ?,"
            + " personal_id = ?, open_personal_id = case when status = 'ACTIVE' then ? end, address = ?,"
            + " condition_group = ?, household_status = ?, disability_type = ?, disability_level = ?,"
            + " name_folded = ?, version = version + 1 where id = ? and version = ?")
        .params(child.fullName(), child.dateOfBirth(), child.sex().name(), child.ethnicity(), child.personalId(),
            child.personalId(), child.address(), child.conditionGroup().name(), name(child.householdStatus()),
            name(child.disabilityType()), name(child.disabilityLevel()), NameFolding.fold(child.fullName()), id,
            version)
        .update() == 1;
    if (updated) {
      jdbc.sql("update case_caregiver set full_name = ?, relation = ?, phone = ? where case_id = ?")
          .params(child.caregiverName(), child.caregiverRelation().name(), child.caregiverPhone(), id)
          .update();
    }
    return updated;
  }

  void updateConditionGroup(long id, ConditionGroup group) {
    jdbc.sql("update case_file set condition_group = ?, version = version + 1 where id = ?")
        .params(group.name(), id).update();
  }

  /** The communes of these case files, by id: a reorganisation's batch reads them in one query. */
  Map<Long, String> communes(Collection<Long> ids) {
    Map<Long, String> communes = new HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.sql("select id, commune_code from case_file where id in (:ids)").param("ids", ids)
          .query((rs, n) -> communes.put(rs.getLong(1), rs.getString(2))).list();
    }
    return communes;
  }

  void updateCommunes(Collection<Long> ids, String communeCode) {
    if (!ids.isEmpty()) {
      jdbc.sql("update case_file set commune_code = :commune, version = version + 1 where id in (:ids)")
          .param("commune", communeCode).param("ids", ids).update();
    }
  }

  void updateCommune(long id, String communeCode) {
    jdbc.sql("update case_file set commune_code = ?, version = version + 1 where id = ?")
        .params(communeCode, id).update();
  }

  void updateCurrentStep(long id, String step) {
    jdbc.sql("update case_file set current_step = ? where id = ?").params(step, id).update();
  }

  void attachProcess(long id, String processInstanceId) {
    jdbc.sql("update case_file set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  void close(long id, String outcome, Instant at) {
    jdbc.sql("update case_file set status = ?, closure_outcome = ?, closed_at = ?, current_step = null,"
            + " open_personal_id = null, version = version + 1 where id = ?")
        .params(CaseStatus.CLOSED.name(), outcome, Timestamp.from(at), id).update();
  }

  /** The case file and what only it refers to; other features have removed their part already. */
  void delete(long id) {
    jdbc.sql("delete from case_change where case_id = ?").param(id).update();
    jdbc.sql("delete from case_step_record where case_id = ?").param(id).update();
    jdbc.sql("delete from case_caregiver where case_id = ?").param(id).update();
    jdbc.sql("delete from case_file where id = ?").param(id).update();
  }

  void markMerged(long mergedId, long keptId) {
    jdbc.sql("update case_file set status = ?, merged_into = ?, current_step = null, open_personal_id = null,"
            + " version = version + 1 where id = ?")
        .params(CaseStatus.MERGED.name(), keptId, mergedId).update();
  }

  /** Moves the personal ID between case files: cleared first, for the unique index of open cases. */
  void movePersonalId(long fromId, long toId, String personalId) {
    jdbc.sql("update case_file set personal_id = null, open_personal_id = null, version = version + 1 where id = ?")
        .param(fromId).update();
    jdbc.sql("update case_file set personal_id = ?, open_personal_id = case when status = 'ACTIVE' then ? end,"
            + " version = version + 1 where id = ?")
        .params(personalId, personalId, toId).update();
  }

  List<CaseFile> mergedInto(long keptId) {
    return jdbc.sql("select " + COLUMNS + " from case_file where merged_into = ? order by id").param(keptId)
        .query(this::map).list();
  }

  Optional<CaseFile> findByCaseNumber(String caseNumber) {
    return jdbc.sql("select " + COLUMNS + " from case_file where case_number = ?").param(caseNumber)
        .query(this::map).optional();
  }

  /** Closed case files whose retention ended: closed before {@code cutoff}. */
  List<Long> closedBefore(Instant cutoff, int limit) {
    return jdbc.sql("select id from case_file where status = 'CLOSED' and closed_at < ? order by closed_at"
            + " fetch first ? rows only")
        .params(Timestamp.from(cutoff), limit).query(Long.class).list();
  }

  Optional<Caregiver> findCaregiver(long caseId) {
    return jdbc.sql("select full_name, relation, phone from case_caregiver where case_id = ? order by id")
        .param(caseId)
        .query((rs, n) -> new Caregiver(rs.getString(1), CaregiverRelation.valueOf(rs.getString(2)), rs.getString(3)))
        .list().stream().findFirst();
  }

  private CaseFile map(ResultSet rs, int row) throws SQLException {
    String closure = rs.getString("closure_outcome");
    return new CaseFile(rs.getLong("id"), rs.getString("case_number"), rs.getString("full_name"),
        rs.getDate("date_of_birth").toLocalDate(), Sex.valueOf(rs.getString("sex")), rs.getString("ethnicity"),
        rs.getString("personal_id"), rs.getString("address"), rs.getString("commune_code"),
        ConditionGroup.valueOf(rs.getString("condition_group")), CaseStatus.valueOf(rs.getString("status")),
        closure, rs.getString("process_instance_id"), rs.getString("listed_by"),
        rs.getTimestamp("listed_at").toInstant(), rs.getInt("version"),
        value(HouseholdStatus.class, rs.getString("household_status")),
        value(DisabilityType.class, rs.getString("disability_type")),
        value(DisabilityLevel.class, rs.getString("disability_level")), rs.getString("current_step"),
        rs.getObject("merged_into", Long.class), rs.getString("programme_code"), rs.getInt("plan_year"));
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static <E extends Enum<E>> E value(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }
}
