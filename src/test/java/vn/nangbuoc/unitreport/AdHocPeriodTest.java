package vn.nangbuoc.unitreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.system.EngineTime;

/**
 * An office opens an ad-hoc report for the units below it: the head of the city's labour office (the office that
 * receives the communes' reports) may, with its own deadline, dates and indicators; its officer may not, nor may
 * the head ask another unit's communes or declare the yearly period. What is refused is said in Vietnamese and
 * stores nothing.
 */
@NangBuocSpringTest
class AdHocPeriodTest {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
  };
  private static final String HEAD = "tpldtbxh";

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldLetTheReceivingOfficesHeadOpenAnAdHocReportForItsCommunes() {
    LocalDate today = EngineTime.today();
    String code = code("DX");
    Map<String, Object> request = adHoc(code, today.plusDays(12));

    ResponseEntity<Map<String, Object>> created = post(HEAD, "/api/report-periods", request);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(created.getBody()).containsEntry("kind", "AD_HOC").containsEntry("createdBy", HEAD)
        .containsEntry("communeDeadline", today.plusDays(12).toString())
        .containsEntry("indicators", List.of("tre-lap-danh-sach"));
    ResponseEntity<Map<String, Object>> opened = post(HEAD, "/api/report-periods/" + code + "/open", Map.of());

    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.OK);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> reports = (List<Map<String, Object>>) opened.getBody().get("reports");
    // the city's eight communes report to the city office; the city's own report consolidates theirs and, the
    // period being the city's, goes to nobody above
    assertThat(reports).hasSize(9).allSatisfy(report -> assertThat(report)
        .containsEntry("deadline", today.plusDays(12).toString()));
    assertThat(reports).filteredOn(report -> !"TPLANGSON".equals(report.get("unit"))).hasSize(8)
        .allSatisfy(report -> assertThat(report).containsEntry("receivingUnit", "TPLANGSON"));
    assertThat(reports).filteredOn(report -> "TPLANGSON".equals(report.get("unit"))).singleElement()
        .satisfies(report -> assertThat(report.get("receivingUnit")).isNull());
    assertThat(jdbc.sql("select opened_by from report_period where code = ?").param(code).query(String.class)
        .single()).isEqualTo(HEAD);
  }

  @Test
  void shouldRefuseAnOfficerAnotherAreaAndTheYearlyPeriodStoringNothing() {
    LocalDate deadline = EngineTime.today().plusDays(12);
    String officer = code("CV");
    assertThat(post("cvldtbxh", "/api/report-periods", adHoc(officer, deadline)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("pptldtbxh", "/api/report-periods", adHoc(officer, deadline)).getStatusCode())
        .as("a deputy head signs instead of the head for approvals, not for requests to the communes")
        .isEqualTo(HttpStatus.FORBIDDEN);

    String province = code("TT");
    Map<String, Object> toTheProvince = adHoc(province, deadline);
    toTheProvince.put("unit", "LANGSON");
    ResponseEntity<Map<String, Object>> otherArea = post(HEAD, "/api/report-periods", toTheProvince);
    assertThat(otherArea.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(otherArea.getBody().get("message").toString()).contains("đơn vị cấp dưới của cơ quan mình",
        "Tỉnh Lạng Sơn");

    String yearly = code("HN");
    Map<String, Object> annual = adHoc(yearly, deadline);
    annual.put("kind", "ANNUAL");
    assertThat(post(HEAD, "/api/report-periods", annual).getBody().get("message").toString())
        .contains("chỉ được khai báo kỳ báo cáo đột xuất");
    assertThat(stored(officer) + stored(province) + stored(yearly)).isZero();

    // nor does the office open the administrators' yearly period of its own unit
    String administrators = code("QT");
    annual.put("code", administrators);
    assertThat(post("quantri", "/api/report-periods", annual).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(post(HEAD, "/api/report-periods/" + administrators + "/open", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(jdbc.sql("select count(*) from unit_report where period_code = ?").param(administrators)
        .query(Integer.class).single()).isZero();
  }

  @Test
  void shouldRefuseWrongDatesUnknownIndicatorsPastDeadlinesAndDuplicatesInVietnamese() {
    LocalDate today = EngineTime.today();
    String code = code("SAI");
    Map<String, Object> backwards = adHoc(code, today.plusDays(12));
    backwards.put("from", today.toString());
    backwards.put("to", today.minusDays(3).toString());
    assertThat(refusal(backwards)).contains("Ngày kết thúc kỳ báo cáo phải từ ngày bắt đầu trở đi.");

    Map<String, Object> unknown = adHoc(code, today.plusDays(12));
    unknown.put("indicators", List.of("tre-lap-danh-sach", "khong-co-chi-tieu-nay"));
    assertThat(refusal(unknown)).contains("Danh mục chỉ tiêu không có chỉ tiêu khong-co-chi-tieu-nay");

    assertThat(refusal(adHoc(code, today.minusDays(1)))).contains("Hạn gửi đã qua");

    Map<String, Object> noDeadline = adHoc(code, today.plusDays(12));
    noDeadline.remove("communeDeadline");
    assertThat(refusal(noDeadline)).contains("cần hạn gửi");
    assertThat(stored(code)).isZero();

    assertThat(post(HEAD, "/api/report-periods", adHoc(code, today.plusDays(12))).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    Map<String, Object> again = adHoc(code, today.plusDays(20));
    again.put("name", "Một kỳ khác cùng mã");
    assertThat(refusal(again)).contains("Đã có kỳ báo cáo mã \"" + code + "\"");
    assertThat(jdbc.sql("select name from report_period where code = ?").param(code).query(String.class).single())
        .isEqualTo("Báo cáo đột xuất " + code);
  }

  private String refusal(Map<String, Object> request) {
    ResponseEntity<Map<String, Object>> answer = post(HEAD, "/api/report-periods", request);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    return answer.getBody().get("message").toString();
  }

  private static Map<String, Object> adHoc(String code, LocalDate deadline) {
    LocalDate today = EngineTime.today();
    Map<String, Object> request = new HashMap<>(Map.of("code", code, "name", "Báo cáo đột xuất " + code,
        "kind", "AD_HOC", "unit", "TPLANGSON", "from", today.withDayOfMonth(1).toString(),
        "to", today.toString(), "indicators", List.of("tre-lap-danh-sach")));
    request.put("communeDeadline", deadline.toString());
    return request;
  }

  private int stored(String code) {
    return jdbc.sql("select count(*) from report_period where code = ?").param(code).query(Integer.class).single();
  }

  private static String code(String prefix) {
    return prefix + (System.nanoTime() % 1_000_000);
  }

  private ResponseEntity<Map<String, Object>> post(String user, String path, Map<String, Object> body) {
    return http.withBasicAuth(user, "demo123").exchange(path, HttpMethod.POST, new HttpEntity<>(body), MAP);
  }
}
