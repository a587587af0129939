package vn.nangbuoc.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.assertj.core.groups.Tuple;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V59 on a database that has case files already: each gets the seed programme and the plan year of its
 * listing, the open one keeps its personal ID as the open key, and the child of a closed case can have a
 * new open case while a second open one is refused.
 */
abstract class PlanYearMigrationChecks {

  /** An empty database of its own, and the vendor folder of migrations that goes with it. */
  abstract DataSource freshDatabase();

  abstract String vendor();

  @Test
  void shouldGiveExistingCasesTheSeedProgrammeAndTheYearOfTheirListing() {
    // given: a database at V58 with an open case listed in 2024 and a closed one listed in 2025
    DataSource database = freshDatabase();
    migrate(database, "58");
    JdbcTemplate jdbc = new JdbcTemplate(database);
    jdbc.update("insert into administrative_unit (code, name, unit_type, unit_level) values ('X', 'Xã X', 'XA',"
        + " 'COMMUNE')");
    insertCase(jdbc, "X-2024-00001", "012345678901", "ACTIVE", "2024-03-05 09:00:00");
    insertCase(jdbc, "X-2025-00001", "012345678902", "CLOSED", "2025-07-01 10:00:00");

    // when
    migrate(database, "59");

    // then
    List<Map<String, Object>> rows = jdbc.queryForList("select case_number, programme_code, plan_year,"
        + " open_personal_id from case_file order by case_number");
    assertThat(rows).extracting(row -> row.get("case_number"), row -> row.get("programme_code"),
        row -> ((Number) row.get("plan_year")).intValue(), row -> row.get("open_personal_id")).containsExactly(
            Tuple.tuple("X-2024-00001", PlanYears.SEED_PROGRAMME, 2024, "012345678901"),
            Tuple.tuple("X-2025-00001", PlanYears.SEED_PROGRAMME, 2025, null));
    assertThat(jdbc.queryForObject("select name from programme where code = ?", String.class,
        PlanYears.SEED_PROGRAMME)).startsWith("Đề án hỗ trợ trẻ em khuyết tật");

    // and: the closed child may have a new open case, the open child no second one
    insertOpenCase(jdbc, "X-2026-00001", "012345678902", 2026);
    assertThatThrownBy(() -> insertOpenCase(jdbc, "X-2026-00002", "012345678901", 2026))
        .isInstanceOf(DataIntegrityViolationException.class);
    // and: an open key that disagrees with the status is refused by the database itself
    assertThatThrownBy(() -> jdbc.update("update case_file set status = 'CLOSED' where case_number = ?",
        "X-2026-00001")).isInstanceOf(DataIntegrityViolationException.class);
  }

  private void migrate(DataSource database, String target) {
    Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/" + vendor())
        .target(target).load().migrate();
  }

  private static void insertCase(JdbcTemplate jdbc, String number, String personalId, String status,
      String listedAt) {
    jdbc.update("insert into case_file (case_number, full_name, date_of_birth, sex, personal_id, commune_code,"
        + " condition_group, status, listed_by, listed_at, name_folded) values (?, 'Nông Văn Bình', date '2020-01-01',"
        + " 'MALE', ?, 'X', 'MOTOR', ?, 'cbx', timestamp '" + listedAt + "', 'nong van binh')",
        number, personalId, status);
  }

  private static void insertOpenCase(JdbcTemplate jdbc, String number, String personalId, int planYear) {
    jdbc.update("insert into case_file (case_number, full_name, date_of_birth, sex, personal_id, commune_code,"
        + " condition_group, status, listed_by, listed_at, name_folded, programme_code, plan_year,"
        + " open_personal_id) values (?, 'Nông Văn Bình', date '2020-01-01', 'MALE', ?, 'X', 'MOTOR', 'ACTIVE',"
        + " 'cbx', current_timestamp, 'nong van binh', ?, ?, ?)",
        number, personalId, PlanYears.SEED_PROGRAMME, planYear, personalId);
  }
}
