package vn.nangbuoc.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V63 on a database whose case files got their facts from V62: V62, which runs before V63 adds the columns, writes
 * the facts it has columns for, and V63 gives each the programme and plan year of its case file (not the year of
 * its listing: a child listed in December for next year's plan counts in that plan).
 */
abstract class PlanYearFactsMigrationChecks {

  /** An empty database of its own, and the vendor folder of migrations that goes with it. */
  abstract DataSource freshDatabase();

  abstract String vendor();

  @Test
  void shouldGiveExistingFactsThePlanYearOfTheirCaseFile() {
    // given: a database at V61 with a case file listed in December 2025 for the 2026 plan
    DataSource database = freshDatabase();
    migrate(database, "61");
    JdbcTemplate jdbc = new JdbcTemplate(database);
    jdbc.update("insert into administrative_unit (code, name, unit_type, unit_level) values ('X', 'Xã X', 'XA',"
        + " 'COMMUNE')");
    jdbc.update("insert into case_file (case_number, full_name, date_of_birth, sex, personal_id, commune_code,"
        + " condition_group, status, listed_by, listed_at, name_folded, programme_code, plan_year, open_personal_id)"
        + " values ('X-2025-00009', 'Nông Thị Bình', date '2021-01-01', 'FEMALE', '012345678909', 'X', 'MOTOR',"
        + " 'ACTIVE', 'cbx', timestamp '2025-12-20 09:00:00', 'nong thi binh', 'TEKT-CONGDONG', 2026,"
        + " '012345678909')");

    // when: V62 fills the facts, V63 adds the plan year and the other sources' money
    migrate(database, "63");

    // then
    Map<String, Object> fact = jdbc.queryForMap("select f.listed_on, f.programme_code, f.plan_year,"
        + " f.health_insurance_paid, f.charity_paid from case_fact f join case_file c on c.id = f.case_id"
        + " where c.case_number = 'X-2025-00009'");
    assertThat(fact.get("listed_on").toString()).isEqualTo("2025-12-20");
    assertThat(fact.get("programme_code")).isEqualTo("TEKT-CONGDONG");
    assertThat(((Number) fact.get("plan_year")).intValue()).isEqualTo(2026);
    assertThat(fact.get("health_insurance_paid")).as("no other source was recorded before").isNull();
    assertThat(fact.get("charity_paid")).isNull();
  }

  private void migrate(DataSource database, String target) {
    Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/" + vendor())
        .target(target).load().migrate();
  }
}
