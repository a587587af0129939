package vn.nangbuoc.unitreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.indicators.UnitIndicators;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.system.EngineTime;

/**
 * The city consolidates its communes' reports (issue 22, the end-to-end test): the communes report, one late, one
 * returned once by the labour office; the labour office's own report sums the accepted ones, lists the missing
 * commune, and equals the indicator report of the same communes and plan year; a commune accepted afterwards makes
 * the frozen report older until the head returns it, and the refreshed one equals the city's indicator report.
 * Run on H2 ({@link ConsolidationTest}) and PostgreSQL ({@link ConsolidationPostgresIT}).
 */
abstract class ConsolidationChecks {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
  };
  private static final String OFFICE = "cvldtbxh";
  private static final String OFFICE_HEAD = "tpldtbxh";
  /** Commune → its head's group; Mai Pha reports last. */
  private static final Map<String, String> HEADS = new LinkedHashMap<>();

  static {
    HEADS.put("CHILANG", "ubndChiLangHead");
    HEADS.put("DONGKINH", "ubndDongKinhHead");
    HEADS.put("HOANGVANTHU", "ubndHoangVanThuHead");
    HEADS.put("VINHTRAI", "ubndVinhTraiHead");
    HEADS.put("HOANGDONG", "ubndHoangDongHead");
    HEADS.put("QUANGLAC", "ubndQuangLacHead");
    HEADS.put("TAMTHANH", "ubndTamThanhHead");
    HEADS.put("MAIPHA", "ubndMaiPhaHead");
  }

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ReportPeriods periods;
  @Autowired
  ListingService listing;
  @Autowired
  Consolidation consolidation;
  @Autowired
  UnitReportRecords records;
  @Autowired
  UnitIndicators indicators;
  @Autowired
  JdbcClient jdbc;

  UnitReportDriver driver;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldSumTheAcceptedReportsAsTheIndicatorReportCountsThemAndListTheMissing() throws IOException {
    BpmnAwareTests.init(engine);
    driver = new UnitReportDriver(engine, periods);
    PathwayDriver pathway = new PathwayDriver(engine, listing);
    LocalDate today = EngineTime.today();
    pathway.list("cbhoangdong", PathwayDriver.child("HOANGDONG", today.minusYears(7), ConditionGroup.MOTOR));
    pathway.list("cbquanglac", PathwayDriver.child("QUANGLAC", today.minusYears(4), ConditionGroup.MOTOR));
    int year = today.getYear();
    LocalDate deadline = today.plusDays(10);
    String code = "K" + (System.nanoTime() % 1_000_000);
    periods.create(new ReportPeriods.PeriodRequest(code, "Báo cáo năm " + year, "ANNUAL", year, null, null,
        "TPLANGSON", List.of(), today.minusDays(1), deadline, null, null), "quantri");
    periods.open(code, "quantri");
    Map<String, ProcessInstance> reports = new HashMap<>();
    Map<String, String> heads = new HashMap<>();
    HEADS.forEach((commune, group) -> heads.put(commune, driver.headOf(commune, group)));
    HEADS.keySet().stream().filter(c -> !c.equals("MAIPHA"))
        .forEach(commune -> reports.put(commune, driver.startPreparing(code, commune)));
    UnitReportRow city = records.byKey("BC-" + code + "-TPLANGSON").orElseThrow();

    // Quảng Lạc is returned once by the labour office: while returned it counts for nothing
    sendUp(reports, heads, "QUANGLAC", null);
    driver.review(OFFICE, reports.get("QUANGLAC"), "RETURN", "Thiếu số lượt cha mẹ tham gia truyền thông.");
    sendUp(reports, heads, "HOANGDONG", null);
    driver.review(OFFICE, reports.get("HOANGDONG"), "ACCEPT", null);
    Consolidation.Consolidated meanwhile = consolidation.compute(city, periods.get(code));
    assertThat(meanwhile.parts()).filteredOn(p -> p.kind() == Consolidation.PartKind.REPORT)
        .extracting(Consolidation.Part::unitCode).containsExactly("HOANGDONG");
    assertThat(meanwhile.parts()).filteredOn(p -> p.unitCode().equals("QUANGLAC")).singleElement()
        .satisfies(p -> {
          assertThat(p.kind()).isEqualTo(Consolidation.PartKind.MISSING);
          assertThat(p.state()).isEqualTo(ReportState.RETURNED);
        });
    sendUp(reports, heads, "QUANGLAC", "Bổ sung số lượt cha mẹ tham gia.");
    for (String commune : List.of("CHILANG", "DONGKINH", "HOANGVANTHU", "VINHTRAI")) {
      sendUp(reports, heads, commune, null);
    }
    // Tam Thanh sends after the deadline
    ClockUtil.setCurrentTime(Date.from(deadline.plusDays(2).atStartOfDay(EngineTime.VIETNAM).toInstant()));
    sendUp(reports, heads, "TAMTHANH", null);
    for (String commune : List.of("QUANGLAC", "CHILANG", "DONGKINH", "HOANGVANTHU", "VINHTRAI", "TAMTHANH")) {
      driver.review(OFFICE, reports.get(commune), "ACCEPT", null);
    }

    // the labour office consolidates: seven accepted reports, Mai Pha missing
    ProcessInstance cityReport = driver.startPreparing(code, "TPLANGSON");
    assertThat(formValue(OFFICE, driver.task(cityReport).getId(), "case_figures"))
        .contains("Tổng hợp từ báo cáo đã được chấp nhận của", "Phường Tam Thanh")
        .contains("Chưa có báo cáo được chấp nhận, không tính vào số liệu", "Xã Mai Pha").doesNotContain("Lưu ý");
    driver.prepare(OFFICE, cityReport, 3, null);
    List<String> seven = List.of("CHILANG", "DONGKINH", "HOANGVANTHU", "VINHTRAI", "HOANGDONG", "QUANGLAC",
        "TAMTHANH");
    Map<String, Object> first = versions(get(OFFICE, "/api/unit-reports/BC-" + code + "-TPLANGSON")).get(0);
    Map<String, Long> summedAccepted = new HashMap<>();
    Map<String, Long> summedIndicators = new HashMap<>();
    int sessions = 3;
    for (String commune : seven) {
      Map<String, Object> accepted = versions(get(OFFICE, "/api/unit-reports/BC-" + code + "-" + commune)).stream()
          .filter(v -> "ACCEPTED".equals(v.get("status"))).reduce((a, b) -> b).orElseThrow();
      add(summedAccepted, numerators(accepted));
      add(summedIndicators, numerators(get(OFFICE, "/api/reports/indicators?unit=" + commune + "&year=" + year)));
      sessions += ((Number) ((Map<?, ?>) accepted.get("activities")).get("communicationSessions")).intValue();
    }
    assertThat(numerators(first)).isEqualTo(summedAccepted).isEqualTo(summedIndicators);
    assertThat(numerators(first).get("tre-lap-danh-sach")).isGreaterThanOrEqualTo(2);
    ReportVersion frozen = records.latestVersion(city.id()).orElseThrow();
    Consolidation.Consolidated counted = consolidation.of(frozen).orElseThrow();
    assertThat(counted.parts()).extracting(Consolidation.Part::unitCode).doesNotHaveDuplicates().hasSize(8);
    assertThat(counted.parts()).filteredOn(p -> p.kind() == Consolidation.PartKind.REPORT)
        .extracting(Consolidation.Part::unitCode).containsExactlyInAnyOrderElementsOf(seven);
    assertThat(counted.parts()).filteredOn(p -> p.kind() == Consolidation.PartKind.MISSING)
        .extracting(Consolidation.Part::unitCode).containsExactly("MAIPHA");
    List<Map<String, Object>> api = list(OFFICE, "/api/unit-reports/BC-" + code + "-TPLANGSON/consolidation");
    assertThat(api).singleElement().satisfies(v -> {
      Map<?, ?> c = (Map<?, ?>) v.get("consolidation");
      assertThat(((List<?>) c.get("included")).stream().map(p -> (String) ((Map<?, ?>) p).get("unitCode")).toList())
          .containsExactlyInAnyOrderElementsOf(seven);
      assertThat(((List<?>) c.get("missing")).stream().map(p -> (String) ((Map<?, ?>) p).get("state")).toList())
          .containsExactly("Quá hạn (Chưa bắt đầu)");
    });
    assertThat(http.withBasicAuth(OFFICE, "demo123").exchange("/api/unit-reports/BC-" + code
        + "-HOANGDONG/consolidation", HttpMethod.GET, null, MAP).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    PageBrowser browser = new PageBrowser(http);
    String session = browser.login(OFFICE);
    String page = browser.get(session, "/bao-cao-dinh-ky/bao-cao/BC-" + code + "-TPLANGSON").getBody();
    assertThat(page).contains("Đơn vị được tổng hợp", "Phường Tam Thanh", "Quá hạn (Chưa bắt đầu)", "Xã Mai Pha")
        .doesNotContain("cũ hơn");
    assertThat(browser.get(session, "/bao-cao-dinh-ky/" + code).getBody())
        .contains("/bao-cao-dinh-ky/bao-cao/BC-" + code + "-TPLANGSON");
    assertThat(get("cbhoangdong", "/api/unit-reports/BC-" + code + "-TPLANGSON")).containsKey("message")
        .doesNotContainKey("versions");

    // Mai Pha's report is accepted after the figures were frozen: the frozen report says it is older
    reports.put("MAIPHA", driver.startPreparing(code, "MAIPHA"));
    sendUp(reports, heads, "MAIPHA", null);
    driver.review(OFFICE, reports.get("MAIPHA"), "ACCEPT", null);
    assertThat(browser.get(session, "/bao-cao-dinh-ky/bao-cao/BC-" + code + "-TPLANGSON").getBody())
        .contains("cũ hơn");
    assertThat(formValue(OFFICE_HEAD, driver.task(cityReport).getId(), "case_figures"))
        .contains("Lưu ý", "Xã Mai Pha");
    assertThat(((Map<?, ?>) list(OFFICE, "/api/unit-reports/BC-" + code + "-TPLANGSON/consolidation").get(0)
        .get("consolidation")).get("newer")).isEqualTo(List.of("Xã Mai Pha"));

    // the head returns it; its next version counts all eight: the city's indicator report for the plan year
    driver.signOff(OFFICE_HEAD, cityReport, "RETURN", "Cập nhật số liệu của xã Mai Pha.");
    driver.prepare(OFFICE, cityReport, 3, null);
    driver.signOff(OFFICE_HEAD, cityReport, "APPROVE", null);
    assertThat(cityReport).isEnded().hasPassed("EndEvent_ReportSubmittedAtTop");
    List<Map<String, Object>> cityVersions = versions(get(OFFICE, "/api/unit-reports/BC-" + code + "-TPLANGSON"));
    assertThat(cityVersions).extracting(v -> v.get("status")).containsExactly("RETURNED_AT_SIGN_OFF", "SUBMITTED");
    Map<String, Object> refreshed = cityVersions.get(1);
    Map<String, Object> cityIndicators = get(OFFICE, "/api/reports/indicators?unit=TPLANGSON&year=" + year);
    // A case a reorganisation carried from one of these communes to another counts in both communes' reports (the
    // old one counts it where it was), so in their sum twice, and once in the city's report. Data of other tests
    // in the shared database can hold such a case while both communes still report; a real reform ends the old.
    long countedTwice = jdbc.sql("select count(*) from case_fact where plan_year = :year and status <> 'MERGED'"
        + " and commune_code in (:c) and reform_commune_code in (:c) and reform_commune_code <> commune_code")
        .param("year", year).param("c", List.copyOf(HEADS.keySet())).query(Long.class).single();
    if (countedTwice == 0) {
      assertThat(figures(refreshed)).isEqualTo(figures(cityIndicators));
    } else {
      Map<String, Long> summedNow = new HashMap<>();
      HEADS.keySet().forEach(commune -> add(summedNow, numerators(get(OFFICE, "/api/reports/indicators?unit="
          + commune + "&year=" + year))));
      assertThat(numerators(refreshed)).isEqualTo(summedNow);
      assertThat(numerators(cityIndicators).get("tre-lap-danh-sach"))
          .isEqualTo(summedNow.get("tre-lap-danh-sach") - countedTwice);
    }
    assertThat(consolidation.of(records.latestVersion(city.id()).orElseThrow()).orElseThrow().parts())
        .allMatch(p -> p.kind() == Consolidation.PartKind.REPORT).hasSize(8);
    String refreshedPage = browser.get(session, "/bao-cao-dinh-ky/bao-cao/BC-" + code + "-TPLANGSON").getBody();
    assertThat(refreshedPage.substring(0, refreshedPage.indexOf("id=\"phien-ban-1\""))).doesNotContain("cũ hơn")
        .contains("Không có: mọi đơn vị cấp dưới đã được tổng hợp.");

    // its workbook: a sheet whose units add up to the report's figures; the activities with the units' below
    int maiPha = ((Number) ((Map<?, ?>) versions(get(OFFICE, "/api/unit-reports/BC-" + code + "-MAIPHA")).get(0)
        .get("activities")).get("communicationSessions")).intValue();
    try (XSSFWorkbook book = workbook(session, "/bao-cao-dinh-ky/bao-cao/BC-" + code + "-TPLANGSON.xlsx")) {
      Sheet units = book.getSheet("Đơn vị tổng hợp");
      assertThat(units).isNotNull();
      Row header = units.getRow(1);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Đơn vị");
      int unitRows = 0;
      double[] sums = new double[header.getLastCellNum()];
      Row total = null;
      for (int r = 2; r <= units.getLastRowNum(); r++) {
        Row row = units.getRow(r);
        String label = row == null || row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue();
        if (label.startsWith("Tổng cộng")) {
          total = row;
          break;
        }
        unitRows++;
        for (int c = 3; c < sums.length; c++) {
          sums[c] += row.getCell(c) == null ? 0 : row.getCell(c).getNumericCellValue();
        }
      }
      assertThat(unitRows).isEqualTo(8);
      assertThat(total).isNotNull();
      for (int c = 3; c < sums.length; c += 2) {
        assertThat(total.getCell(c).getNumericCellValue()).as(header.getCell(c).getStringCellValue())
            .isEqualTo(sums[c]);
      }
      Row activity = null;
      for (Row row : book.getSheet("Báo cáo")) {
        if (row.getCell(0) != null && "Số buổi truyền thông".equals(row.getCell(0).toString())) {
          activity = row;
        }
      }
      assertThat(activity).isNotNull();
      assertThat(activity.getCell(1).getNumericCellValue()).isEqualTo(sessions + maiPha);
      assertThat(activity.getCell(2).getNumericCellValue()).isEqualTo(3);
    }
  }

  @Test
  void shouldSendTheCitysConsolidatedReportToTheProvinceWithoutCountingItsCommunesTwice() {
    driver = new UnitReportDriver(engine, periods);
    LocalDate today = EngineTime.today();
    String code = "KP" + (System.nanoTime() % 100_000);
    periods.create(new ReportPeriods.PeriodRequest(code, "Báo cáo tỉnh " + code, null, today.getYear(), null, null,
        "LANGSON", List.of(), today.plusMonths(1), today.plusMonths(2), null, null), "quantri");
    List<UnitReportRow> opened = periods.open(code, "quantri");

    // communes to the city, the city to the province, the province (the period's unit) to nobody
    assertThat(opened).filteredOn(r -> HEADS.containsKey(r.unitCode())).hasSize(8)
        .extracting(UnitReportRow::receivingUnitCode).containsOnly("TPLANGSON");
    UnitReportRow city = records.byKey("BC-" + code + "-TPLANGSON").orElseThrow();
    UnitReportRow province = records.byKey("BC-" + code + "-LANGSON").orElseThrow();
    assertThat(city.receivingUnitCode()).isEqualTo("LANGSON");
    assertThat(city.deadline()).isEqualTo(today.plusMonths(2).plusDays(ReportPeriods.DISTRICT_DAYS_LATER));
    assertThat(province.receivingUnitCode()).isNull();
    assertThat(province.deadline()).isEqualTo(today.plusMonths(2).plusDays(ReportPeriods.PROVINCE_DAYS_LATER));
    assertThat(engine.getRuntimeService().getVariable(driver.instance(code, "TPLANGSON").getId(),
        UnitReport.VAR_HAS_RECEIVER)).isEqualTo(true);
    assertThat(engine.getRuntimeService().getVariable(driver.instance(code, "LANGSON").getId(),
        UnitReport.VAR_HAS_RECEIVER)).isEqualTo(false);

    // the province counts the city's report as one unit, missing until accepted, and none of its communes again
    Consolidation.Consolidated atProvince = consolidation.compute(province, periods.get(code));
    assertThat(atProvince.parts()).filteredOn(p -> p.unitCode().equals("TPLANGSON")).singleElement()
        .satisfies(p -> {
          assertThat(p.kind()).isEqualTo(Consolidation.PartKind.MISSING);
          assertThat(p.state()).isEqualTo(ReportState.NOT_STARTED);
        });
    assertThat(atProvince.parts()).extracting(Consolidation.Part::unitCode).doesNotHaveDuplicates()
        .doesNotContainAnyElementsOf(HEADS.keySet());
  }

  @Test
  void shouldCountTheOwnCommunesLeavingOutTheChildrenOfTheCommunesReportedBelow() {
    LocalDate today = EngineTime.today();
    new PathwayDriver(engine, listing).list("cbvinhtrai", PathwayDriver.child("VINHTRAI", today.minusYears(5),
        ConditionGroup.MOTOR));
    int year = today.getYear();

    UnitIndicators.Figures own = indicators.ofOwnCommunes("TPLANGSON", List.of("VINHTRAI"), List.of("MAIPHA"),
        year, null, null, List.of());
    UnitIndicators.Figures commune = indicators.of("VINHTRAI", year, null, null, List.of());
    UnitIndicators.Figures reportedBelow = indicators.ofOwnCommunes("TPLANGSON", List.of("VINHTRAI"),
        List.of("VINHTRAI"), year, null, null, List.of());

    assertThat(own.figures()).extracting(UnitIndicators.Figure::numerator)
        .isEqualTo(commune.figures().stream().map(UnitIndicators.Figure::numerator).toList());
    assertThat(own.figures()).filteredOn(f -> f.indicatorId().equals("tre-lap-danh-sach")).singleElement()
        .satisfies(f -> assertThat(f.numerator()).isPositive());
    assertThat(reportedBelow.figures()).isNotEmpty().allMatch(f -> f.numerator() == 0);
  }

  private void sendUp(Map<String, ProcessInstance> reports, Map<String, String> heads, String commune,
      String correction) {
    driver.prepare("cb" + commune.toLowerCase(), reports.get(commune), 2, correction);
    driver.signOff(heads.get(commune), reports.get(commune), "APPROVE", null);
  }

  private static void add(Map<String, Long> sum, Map<String, Long> part) {
    part.forEach((id, n) -> sum.merge(id, n == null ? 0 : n, Long::sum));
  }

  /** Indicator id → numerator, of a report's version or of the indicator report. */
  @SuppressWarnings("unchecked")
  private static Map<String, Long> numerators(Map<String, Object> source) {
    List<Map<String, Object>> list = (List<Map<String, Object>>) source.getOrDefault("figures",
        source.get("indicators"));
    Map<String, Long> numerators = new HashMap<>();
    for (Map<String, Object> figure : list) {
      Object id = figure.containsKey("indicatorId") ? figure.get("indicatorId") : figure.get("id");
      Object n = figure.get("numerator");
      numerators.put((String) id, n == null ? 0 : ((Number) n).longValue());
    }
    return numerators;
  }

  /** Indicator id → "numerator / denominator / value / target / met". */
  @SuppressWarnings("unchecked")
  private static Map<String, String> figures(Map<String, Object> source) {
    List<Map<String, Object>> list = (List<Map<String, Object>>) source.getOrDefault("figures",
        source.get("indicators"));
    Map<String, String> figures = new HashMap<>();
    for (Map<String, Object> figure : list) {
      Object id = figure.containsKey("indicatorId") ? figure.get("indicatorId") : figure.get("id");
      figures.put((String) id, figure.get("numerator") + " / " + figure.get("denominator") + " / "
          + plain(figure.get("value")) + " / " + plain(figure.get("target")) + " / " + figure.get("met"));
    }
    return figures;
  }

  private static String plain(Object number) {
    return number == null ? null : new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> versions(Map<String, Object> answer) {
    return (List<Map<String, Object>>) answer.get("versions");
  }

  @SuppressWarnings("unchecked")
  private String formValue(String user, String taskId, String name) {
    Map<String, Object> variables = http.withBasicAuth(user, "demo123")
        .exchange("/engine-rest/task/" + taskId + "/form-variables", HttpMethod.GET, null, MAP).getBody();
    return (String) ((Map<String, Object>) variables.get(name)).get("value");
  }

  private XSSFWorkbook workbook(String session, String path) throws IOException {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    ResponseEntity<byte[]> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()));
  }

  private List<Map<String, Object>> list(String user, String path) {
    return http.withBasicAuth(user, "demo123").exchange(path, HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {
        }).getBody();
  }

  private Map<String, Object> get(String user, String path) {
    return http.withBasicAuth(user, "demo123").exchange(path, HttpMethod.GET, null, MAP).getBody();
  }
}
