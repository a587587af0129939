package vn.nangbuoc.unitreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.system.EngineTime;

/**
 * A reorganisation that would strand an open unit report (its unit merged, its receiving office ended) says so in
 * its preview, naming the period and the units, and the problem blocks the apply; one that ends nothing a report
 * needs says nothing of reports. Previews only: the shared database keeps the city as it is.
 */
@NangBuocSpringTest
class OpenReportsInReorganisationTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ReportPeriods periods;
  @Autowired
  OpenReportsInReorganisation check;
  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldBlockAMergerOfACommuneWhoseReportIsOpenNamingThePeriodAndTheUnit() {
    UnitReportDriver driver = new UnitReportDriver(engine, periods);
    LocalDate today = EngineTime.today();
    String period = driver.openPeriod(today.plusMonths(1), today.minusDays(1));
    String name = jdbc.sql("select name from report_period where code = ?").param(period).query(String.class)
        .single();

    List<String> problems = problems("""
        name: "Sáp nhập xã Mai Pha vào xã Quảng Lạc (thử, chỉ xem trước)"
        effective: 2025-07-01
        changes:
          - merge: [MAIPHA]
            into: QUANGLAC
        """);

    assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("Kỳ báo cáo \"" + name + "\" ("
        + period + ")", "Xã Mai Pha", "trước khi áp dụng").doesNotContain("Xã Quảng Lạc"));
    assertThat(problems("""
        name: "Đổi tên xã Mai Pha (thử, chỉ xem trước)"
        effective: 2025-07-01
        changes:
          - rename: {unit: MAIPHA, name: "Mai Pha Mới"}
        """)).noneMatch(problem -> problem.contains("Kỳ báo cáo"));
    assertThat(jdbc.sql("select count(*) from administrative_unit where code = 'MAIPHA' and valid_to is null")
        .query(Integer.class).single()).isEqualTo(1);
  }

  @Test
  void shouldFindAReportWaitingForAGroupOfAnEndingAgency() {
    UnitReportDriver driver = new UnitReportDriver(engine, periods);
    String head = driver.headOf("HOANGVANTHU", "ubndHoangVanThuHead");
    LocalDate today = EngineTime.today();
    String period = driver.openPeriod(today.plusMonths(1), today.minusDays(1));
    ProcessInstance report = driver.startPreparing(period, "HOANGVANTHU");
    driver.prepare("cbhoangvanthu", report, 2, null);
    driver.signOff(head, report, "APPROVE", null);

    // the review waits for the city's labour office: ending that office strands it, whatever units end
    assertThat(check.problems(List.of(), List.of("ldtbxhTpLangSon")))
        .anySatisfy(problem -> assertThat(problem).contains("(" + period + ")", "Phường Hoàng Văn Thụ"));
    assertThat(check.problems(List.of(), List.of("gddtTpLangSon")))
        .noneMatch(problem -> problem.contains("(" + period + ")"));

    driver.review("cvldtbxh", report, "ACCEPT", null);
    assertThat(check.problems(List.of("HOANGVANTHU"), List.of("ldtbxhTpLangSon")))
        .as("an accepted report strands nothing").noneMatch(problem -> problem.contains("(" + period + ")"));
  }

  @SuppressWarnings("unchecked")
  private List<String> problems(String yaml) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("application/yaml"));
    ResponseEntity<Map<String, Object>> uploaded = http.withBasicAuth("quantri", "demo123").exchange(
        "/api/admin/reorganisations", HttpMethod.POST, new HttpEntity<>(yaml, headers), OBJECT);
    return (List<String>) ((Map<String, Object>) uploaded.getBody().get("preview")).get("problems");
  }
}
