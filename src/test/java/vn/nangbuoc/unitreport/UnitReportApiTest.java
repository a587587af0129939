package vn.nangbuoc.unitreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.system.EngineTime;

/**
 * A period end to end through the API: an administrator declares and opens it; three communes of the city report
 * (one late, one returned once by the labour office), the labour office accepts them, follows every unit's state,
 * and reads what each accepted report froze: the same figures as the indicator report of the unit and period.
 */
@NangBuocSpringTest
class UnitReportApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
  };
  private static final String RECEIVER = "cvldtbxh";

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ReportPeriods periods;
  @Autowired
  ListingService listing;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldCollectThreeCommunesReportsWithTheIndicatorReportsFigures() throws IOException {
    UnitReportDriver driver = new UnitReportDriver(engine, periods);
    new PathwayDriver(engine, listing).list("cbhoangdong", PathwayDriver.child("HOANGDONG",
        LocalDate.now().minusYears(7), ConditionGroup.MOTOR));
    LocalDate today = EngineTime.today();
    LocalDate deadline = today.plusDays(10);
    String code = "E" + (System.nanoTime() % 1_000_000);
    Map<String, Object> request = new HashMap<>(Map.of("code", code, "name", "Báo cáo năm " + today.getYear(),
        "planYear", today.getYear(), "unit", "TPLANGSON", "communeDeadline", deadline.toString(),
        "preparationOpens", today.minusDays(1).toString()));

    assertThat(post("cbhoangdong", "/api/report-periods", request).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map<String, Object>> bad = post("quantri", "/api/report-periods",
        Map.of("code", "x", "name", "Sai mã", "unit", "TPLANGSON"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().toString()).contains("Mã kỳ báo cáo");
    ResponseEntity<Map<String, Object>> created = post("quantri", "/api/report-periods", request);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(created.getBody()).containsEntry("provinceDeadline", deadline.plusDays(29).toString());
    ResponseEntity<Map<String, Object>> opened = post("quantri", "/api/report-periods/" + code + "/open", Map.of());
    assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(reports(opened.getBody())).hasSize(9);
    assertThat(post("quantri", "/api/report-periods/" + code + "/open", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    // Hoàng Đồng on time; Quảng Lạc returned once by the labour office; Tam Thanh after the deadline
    ProcessInstance hoangDong = driver.startPreparing(code, "HOANGDONG");
    ProcessInstance quangLac = driver.startPreparing(code, "QUANGLAC");
    ProcessInstance tamThanh = driver.startPreparing(code, "TAMTHANH");
    String headHoangDong = driver.headOf("HOANGDONG", "ubndHoangDongHead");
    String headQuangLac = driver.headOf("QUANGLAC", "ubndQuangLacHead");
    String headTamThanh = driver.headOf("TAMTHANH", "ubndTamThanhHead");
    driver.prepare("cbhoangdong", hoangDong, 3, null);
    driver.signOff(headHoangDong, hoangDong, "APPROVE", null);
    driver.prepare("cbquanglac", quangLac, 2, null);
    driver.signOff(headQuangLac, quangLac, "APPROVE", null);
    driver.review(RECEIVER, quangLac, "RETURN", "Thiếu số lượt cha mẹ tham gia truyền thông.");
    driver.prepare("cbquanglac", quangLac, 2, "Bổ sung số lượt cha mẹ tham gia.");
    driver.signOff(headQuangLac, quangLac, "APPROVE", null);

    ClockUtil.setCurrentTime(Date.from(deadline.plusDays(2).atStartOfDay(EngineTime.VIETNAM).toInstant()));
    Map<String, Object> tamThanhLate = stateOf(get(RECEIVER, "/api/report-periods/" + code + "/reports"), "TAMTHANH");
    assertThat(tamThanhLate).containsEntry("late", true).containsEntry("stateLabel", "Quá hạn (Đang chuẩn bị)");
    driver.prepare("cbtamthanh", tamThanh, 1, null);
    driver.signOff(headTamThanh, tamThanh, "APPROVE", null);
    driver.review(RECEIVER, hoangDong, "ACCEPT", null);
    driver.review(RECEIVER, quangLac, "ACCEPT", null);
    driver.review(RECEIVER, tamThanh, "ACCEPT", null);

    Map<String, Object> all = get(RECEIVER, "/api/report-periods/" + code + "/reports");
    for (String commune : List.of("HOANGDONG", "QUANGLAC", "TAMTHANH")) {
      assertThat(stateOf(all, commune)).containsEntry("state", "ACCEPTED").containsEntry("late", false);
    }
    assertThat(stateOf(all, "MAIPHA")).containsEntry("state", "NOT_STARTED").containsEntry("late", true);
    assertThat(reports(get("cbhoangdong", "/api/report-periods/" + code + "/reports")))
        .extracting(report -> report.get("unit")).containsExactly("HOANGDONG");

    List<Map<String, Object>> quangLacVersions = versions(get(RECEIVER, "/api/unit-reports/BC-" + code
        + "-QUANGLAC"));
    assertThat(quangLacVersions).extracting(v -> v.get("status"))
        .containsExactly("RETURNED_BY_RECEIVER", "ACCEPTED");
    assertThat(quangLacVersions.get(1)).containsEntry("correctionReason", "Bổ sung số lượt cha mẹ tham gia.");
    assertThat(get("cbmaipha", "/api/unit-reports/BC-" + code + "-HOANGDONG")).containsKey("message");

    ClockUtil.reset();
    for (String commune : List.of("HOANGDONG", "QUANGLAC", "TAMTHANH")) {
      Map<String, Object> accepted = versions(get(RECEIVER, "/api/unit-reports/BC-" + code + "-" + commune))
          .stream().filter(v -> "ACCEPTED".equals(v.get("status"))).findFirst().orElseThrow();
      // an annual period counts its plan year's children, as /bao-cao does by default
      Map<String, Object> indicators = get(RECEIVER, "/api/reports/indicators?unit=" + commune + "&year="
          + today.getYear());
      assertThat(figures(accepted)).as(commune).isEqualTo(figures(indicators));
    }
    Map<String, String> hoangDongFigures = figures(versions(get(RECEIVER, "/api/unit-reports/BC-" + code
        + "-HOANGDONG")).get(0));
    assertThat(hoangDongFigures.get("tre-lap-danh-sach")).doesNotStartWith("0 ");

    // the receiving office's pages: every unit's state, a report printable with both versions, its workbook
    PageBrowser browser = new PageBrowser(http);
    String session = browser.login(RECEIVER);
    assertThat(browser.get(session, "/trang-chu").getBody()).contains("href=\"/bao-cao-dinh-ky\"");
    assertThat(browser.get(session, "/bao-cao-dinh-ky").getBody()).contains("href=\"/bao-cao-dinh-ky/" + code + "\"");
    String periodPage = browser.get(session, "/bao-cao-dinh-ky/" + code).getBody();
    assertThat(periodPage).contains("Xã Quảng Lạc", "Phường Tam Thanh", "Đã chấp nhận", "Chưa bắt đầu",
        "/bao-cao-dinh-ky/bao-cao/BC-" + code + "-HOANGDONG");
    String reportPage = browser.get(session, "/bao-cao-dinh-ky/bao-cao/BC-" + code + "-QUANGLAC").getBody();
    assertThat(reportPage).contains("Phiên bản <span>2</span>", "Phiên bản <span>1</span>",
        "Bổ sung số lượt cha mẹ tham gia.", "Thiếu số lượt cha mẹ tham gia truyền thông.", "Người ký duyệt");
    Map<String, Object> accepted = versions(get(RECEIVER, "/api/unit-reports/BC-" + code + "-QUANGLAC")).get(1);
    assertThat(workbookNumerators(session, "/bao-cao-dinh-ky/bao-cao/BC-" + code + "-QUANGLAC.xlsx"))
        .isEqualTo(numerators(accepted));
    assertThat(browser.get(browser.login("cbmaipha"), "/bao-cao-dinh-ky/bao-cao/BC-" + code + "-HOANGDONG")
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** Indicator id → numerator as the workbook's sheet "Báo cáo" lists them (the rows right under "Mã chỉ tiêu"). */
  private Map<String, Long> workbookNumerators(String session, String path) throws IOException {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    ResponseEntity<byte[]> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Long> numerators = new HashMap<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()))) {
      Sheet sheet = book.getSheet("Báo cáo");
      int header = -1;
      for (Row row : sheet) {
        String first = row.getCell(0) == null ? "" : row.getCell(0).toString();
        if (header >= 0 && row.getRowNum() != header + 1 + numerators.size()) {
          break; // the blank row after the figures
        }
        if (header >= 0) {
          numerators.put(first, row.getCell(2) == null ? null : (long) row.getCell(2).getNumericCellValue());
        } else if ("Mã chỉ tiêu".equals(first)) {
          header = row.getRowNum();
        }
      }
    }
    return numerators;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Long> numerators(Map<String, Object> version) {
    Map<String, Long> numerators = new HashMap<>();
    for (Map<String, Object> figure : (List<Map<String, Object>>) version.get("figures")) {
      Object n = figure.get("numerator");
      numerators.put((String) figure.get("indicatorId"), n == null ? null : ((Number) n).longValue());
    }
    return numerators;
  }

  /**
   * Indicator id → "numerator / denominator / value", as the report's version froze it or the indicator report
   * computes it.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, String> figures(Map<String, Object> source) {
    List<Map<String, Object>> list = (List<Map<String, Object>>) source.getOrDefault("figures",
        source.get("indicators"));
    Map<String, String> figures = new HashMap<>();
    for (Map<String, Object> figure : list) {
      Object id = figure.containsKey("indicatorId") ? figure.get("indicatorId") : figure.get("id");
      Object value = figure.get("value");
      figures.put((String) id, figure.get("numerator") + " / " + figure.get("denominator") + " / "
          + (value == null ? null : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString()));
    }
    return figures;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> reports(Map<String, Object> answer) {
    return (List<Map<String, Object>>) answer.get("reports");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> versions(Map<String, Object> answer) {
    return (List<Map<String, Object>>) answer.get("versions");
  }

  private static Map<String, Object> stateOf(Map<String, Object> answer, String unit) {
    return reports(answer).stream().filter(report -> unit.equals(report.get("unit"))).findFirst().orElseThrow();
  }

  private ResponseEntity<Map<String, Object>> post(String user, String path, Map<String, Object> body) {
    return http.withBasicAuth(user, "demo123").exchange(path, HttpMethod.POST, new HttpEntity<>(body), MAP);
  }

  private Map<String, Object> get(String user, String path) {
    return http.withBasicAuth(user, "demo123").exchange(path, HttpMethod.GET, null, MAP).getBody();
  }
}
