package vn.nangbuoc.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nangbuoc.indicators.IndicatorChecks.figure;
import static vn.nangbuoc.indicators.IndicatorChecks.figures;
import static vn.nangbuoc.indicators.IndicatorChecks.rowsOf;
import static vn.nangbuoc.indicators.IndicatorChecks.splits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
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
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.system.EngineTime;

/** The report page and its exports against the API's JSON for the same unit and period, and who may open them. */
@NangBuocSpringTest
class ReportPageTest {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
  };
  private static final String PERIOD_API = "from=2024-01-01&to=2026-12-31";
  private static final String PERIOD_PAGE = "from=01/01/2024&to=31/12/2026";
  private static final String RARE_ETHNICITY = "Pà Thẻn";

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;

  /** A child of an ethnicity no other test lists: its row in the ethnicity breakdown counts fewer than 5. */
  private void listAChildOfARareEthnicity() {
    new PathwayDriver(engine, listing).list("cbmaipha", new ChildListing("Hoàng Văn Báo Cáo",
        EngineTime.today().minusYears(7), Sex.MALE, RARE_ETHNICITY, null, "Thôn Khòn Khuyên", "MAIPHA",
        ConditionGroup.MOTOR, "Hoàng Thị Mẹ", CaregiverRelation.MOTHER, "0912000222"));
  }

  @Test
  void shouldShowOnThePageTheFiguresOfTheApi() {
    PageBrowser browser = new PageBrowser(http);
    String session = browser.login("cvldtbxh");
    ResponseEntity<String> page = browser.get(session, "/bao-cao?unit=TPLANGSON&" + PERIOD_PAGE);
    Map<String, Object> api = api("cvldtbxh", "TPLANGSON");

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    String html = page.getBody();
    assertThat(html).contains("01/01/2024", "31/12/2026", "<svg class=\"chart\" role=\"img\"", "<title>")
        .doesNotContain("<script");
    for (Map<String, Object> figure : figures(api)) {
      String section = section(html, (String) figure.get("id"));
      assertThat(shown(section, "numerator")).as(figure.get("id") + " numerator")
          .isEqualTo(ReportFigures.count(number(figure.get("numerator"))));
      if (figure.get("denominator") != null) {
        assertThat(shown(section, "denominator")).as(figure.get("id") + " denominator")
            .isEqualTo(ReportFigures.count(number(figure.get("denominator"))));
      }
      assertThat(section).as(figure.get("id") + " value").contains("class=\"value\">" + ReportFigures.withUnit(
          (String) figure.get("unit"), (String) figure.get("unitLabel"), decimal(figure.get("value"))) + "<");
      Object met = figure.get("met");
      assertThat(section).as(figure.get("id") + " met").contains(met == null ? "mark none"
          : Boolean.TRUE.equals(met) ? "mark met" : "mark unmet");
      if (met != null) {
        assertThat(section).contains(Boolean.TRUE.equals(met) ? "✔</span>" : "✘</span>",
            Boolean.TRUE.equals(met) ? "<strong>Đạt</strong>" : "<strong>Chưa đạt</strong>");
      }
      for (Map<String, Object> split : splits(figure)) {
        assertThat(section).contains("Theo " + ((String) split.get("title")).toLowerCase());
      }
    }

    String year = String.valueOf(EngineTime.today().getYear());
    assertThat(browser.get(session, "/bao-cao").getBody()).as("the plan year by default")
        .contains("<option value=\"" + year + "\" selected=\"selected\">", "Năm kế hoạch " + year,
            "name=\"from\" value=\"\"");
    assertThat(browser.get(session, "/bao-cao?year=2025&from=01/03/2025").getBody()).as("a day makes it a range")
        .contains("01/03/2025 – 31/12/2025", "name=\"from\" value=\"01/03/2025\"");
    assertThat(browser.get(session, "/trang-chu").getBody()).contains("href=\"/bao-cao\"");
    assertThat(browser.get(browser.login("quantri"), "/trang-chu").getBody()).as("administrators read no figures")
        .doesNotContain("href=\"/bao-cao\"");
  }

  @Test
  void shouldRefuseACommuneTheReportOfAnother() {
    PageBrowser browser = new PageBrowser(http);
    String session = browser.login("cbmaipha");
    for (String path : List.of("/bao-cao", "/bao-cao.xlsx", "/bao-cao.csv")) {
      ResponseEntity<String> refused = browser.get(session, path + "?unit=HOANGDONG");
      assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody()).as(path).contains("không được xem số liệu của Xã Hoàng Đồng");
    }
    ResponseEntity<String> anonymous = new PageBrowser(http).get("", "/bao-cao.xlsx?unit=MAIPHA");
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(anonymous.getHeaders().getLocation().getPath()).isEqualTo("/dang-nhap");
    ResponseEntity<String> api = http.withBasicAuth("cbmaipha", "demo123")
        .getForEntity("/api/reports/indicators.xlsx?unit=HOANGDONG", String.class);
    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(api.getBody()).contains("không được xem số liệu của Xã Hoàng Đồng");
    String own = browser.get(session, "/bao-cao").getBody();
    assertThat(own).contains("<option value=\"MAIPHA\" selected=\"selected\">").doesNotContain("HOANGDONG");
  }

  @Test
  void shouldAnswerBadDatesWithAVietnameseSentenceOnly() {
    PageBrowser browser = new PageBrowser(http);
    String session = browser.login("cvldtbxh");
    Map<String, String> cases = Map.of("/bao-cao?unit=MAIPHA&from=31/02/2026", "không đúng dạng ngày",
        "/bao-cao.xlsx?unit=MAIPHA&to=2026-13-01", "không đúng dạng ngày",
        "/bao-cao.csv?unit=MAIPHA&from=01/05/2026&to=01/04/2026", "Ngày kết thúc",
        "/bao-cao?unit=KHONGCO", "Không có đơn vị hành chính");
    cases.forEach((path, message) -> {
      ResponseEntity<String> refused = browser.get(session, path);
      assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
      // the page's form again with the refusal beside its button (RefusalsAtTheButtonTest), no figures
      assertThat(refused.getBody()).as(path).contains(message).doesNotContain("Tải Excel", "Exception");
    });
  }

  @Test
  void shouldExportTheFiguresOfTheApiAndHideSmallCountsForPublication() throws IOException {
    listAChildOfARareEthnicity();
    PageBrowser browser = new PageBrowser(http);
    String session = browser.login("cvldtbxh");
    Map<String, Object> api = api("cvldtbxh", "TPLANGSON");
    byte[] exact = bytes(session, "/bao-cao.xlsx?unit=TPLANGSON&" + PERIOD_PAGE);
    byte[] published = bytes(session, "/bao-cao.xlsx?unit=TPLANGSON&" + PERIOD_PAGE + "&cong-bo=1");
    ResponseEntity<byte[]> fromApi = http.withBasicAuth("cvldtbxh", "demo123").exchange(
        "/api/reports/indicators.xlsx?unit=TPLANGSON&" + PERIOD_API, HttpMethod.GET, null, byte[].class);
    assertThat(fromApi.getStatusCode()).isEqualTo(HttpStatus.OK);

    for (byte[] workbook : List.of(exact, fromApi.getBody())) {
      try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
        XSSFSheet first = book.getSheet(ReportExports.FIRST_SHEET);
        assertThat(first.getRow(0).getCell(1).getStringCellValue()).contains("Thành phố Lạng Sơn");
        assertThat(first.getRow(1).getCell(1).getStringCellValue()).isEqualTo("01/01/2024 – 31/12/2026");
        Map<String, Row> rows = rowsById(first);
        for (Map<String, Object> figure : figures(api)) {
          Row row = rows.get((String) figure.get("id"));
          assertThat(row).as((String) figure.get("id")).isNotNull();
          assertThat((long) row.getCell(5).getNumericCellValue()).as((String) figure.get("id"))
              .isEqualTo(number(figure.get("numerator")));
          if (figure.get("denominator") != null) {
            assertThat((long) row.getCell(6).getNumericCellValue()).isEqualTo(number(figure.get("denominator")));
          }
        }
        List<XSSFChart> charts = first.getDrawingPatriarch().getCharts();
        assertThat(charts).as("a native bar chart of the percentages").hasSize(1);
        long percentages = figures(api).stream().filter(f -> "percent".equals(f.get("unit"))).count();
        String values = charts.get(0).getChartSeries().get(0).getSeries(0).getValuesData().getDataRangeReference();
        CellRangeAddress range = CellRangeAddress.valueOf(values.substring(values.indexOf('!') + 1));
        assertThat(range.getNumberOfCells()).as(values).isEqualTo((int) percentages);
        for (int at = range.getFirstRow(); at <= range.getLastRow(); at++) {
          Map<String, Object> figure = figure(api, text(first.getRow(at).getCell(0)));
          Cell value = first.getRow(at).getCell(1);
          assertThat(value == null ? null : value.getNumericCellValue()).as("the chart's value of " + figure.get("id"))
              .isEqualTo(figure.get("value") == null ? null : decimal(figure.get("value")).doubleValue());
        }
        Sheet bySex = book.getSheet("Giới tính");
        Map<String, Long> totals = new HashMap<>();
        for (Row row : bySex) {
          if (text(row.getCell(2)).equals(ReportExports.TOTAL)) {
            totals.put(text(row.getCell(0)), (long) row.getCell(3).getNumericCellValue());
          }
        }
        figures(api).forEach(f -> assertThat(totals.get((String) f.get("id"))).as(f.get("id") + " by sex")
            .isEqualTo(number(f.get("numerator"))));
      }
    }

    // a row with fewer than 5 children: exact for the offices, "<5" for publication
    String[] small = smallRow(api);
    assertThat(small).as("the child of a rare ethnicity makes a row below 5").isNotNull();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exact));
        XSSFWorkbook open = new XSSFWorkbook(new ByteArrayInputStream(published))) {
      Sheet exactSheet = book.getSheet(small[3]);
      assertThat(exactSheet.getRow(rowOf(exactSheet, small)).getCell(3).getNumericCellValue())
          .isEqualTo(Double.parseDouble(small[2]));
      Sheet openSheet = open.getSheet(small[3]);
      assertThat(text(openSheet.getRow(rowOf(openSheet, small)).getCell(3))).isEqualTo("<5");
      for (Sheet sheet : open) {
        for (Row row : sheet) {
          for (int column : sheet == open.getSheet(ReportExports.FIRST_SHEET) ? new int[] {5, 6} : new int[] {3, 4}) {
            Cell cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.NUMERIC && !isAmount(row, sheet, open)) {
              assertThat(cell.getNumericCellValue()).as(sheet.getSheetName() + " row " + row.getRowNum())
                  .matches(value -> value == 0 || value >= 5);
            }
          }
        }
      }
    }
  }

  @Test
  void shouldExportTheIndicatorsAsCsv() {
    listAChildOfARareEthnicity();
    PageBrowser browser = new PageBrowser(http);
    String session = browser.login("cbmaipha");
    Map<String, Object> api = api("cbmaipha", "MAIPHA");
    String exact = new String(bytes(session, "/bao-cao.csv?unit=MAIPHA&" + PERIOD_PAGE), StandardCharsets.UTF_8);
    String published = new String(bytes(session, "/bao-cao.csv?unit=MAIPHA&" + PERIOD_PAGE + "&cong-bo=1"),
        StandardCharsets.UTF_8);

    assertThat(exact).startsWith("\uFEFFMã chỉ tiêu,Tên chỉ tiêu,Kế hoạch,Mục,Đơn vị tính,Tử số,Mẫu số");
    Map<String, List<String>> rows = csvRows(exact);
    Map<String, List<String>> open = csvRows(published);
    assertThat(rows).hasSize(figures(api).size());
    for (Map<String, Object> figure : figures(api)) {
      List<String> row = rows.get((String) figure.get("id"));
      long numerator = number(figure.get("numerator"));
      assertThat(row.get(5)).as((String) figure.get("id")).isEqualTo(String.valueOf(numerator));
      assertThat(row.get(6)).isEqualTo(figure.get("denominator") == null ? "" : figure.get("denominator").toString());
      boolean hidden = ReportFigures.small(numerator) && !"amount".equals(figure.get("unit"));
      assertThat(open.get((String) figure.get("id")).get(5)).as(figure.get("id") + " for publication")
          .isEqualTo(hidden ? "<5" : String.valueOf(numerator));
    }
  }

  // --- helpers ---

  private Map<String, Object> api(String user, String unit) {
    ResponseEntity<Map<String, Object>> answer = http.withBasicAuth(user, "demo123")
        .exchange("/api/reports/indicators?unit=" + unit + "&" + PERIOD_API, HttpMethod.GET, null, MAP);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private byte[] bytes(String session, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    ResponseEntity<byte[]> answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private static String section(String html, String id) {
    int start = html.indexOf("id=\"chi-tieu-" + id + "\"");
    assertThat(start).as(id + " on the page").isPositive();
    return html.substring(start, html.indexOf("</section>", start));
  }

  /** The text of the section's element of that class, a link's text when it links to its case files. */
  private static String shown(String section, String className) {
    int start = section.indexOf("class=\"" + className + "\">");
    assertThat(start).as(className).isNotNegative();
    String element = section.substring(start, section.indexOf("</dd>", start));
    return element.substring(element.indexOf('>') + 1).replaceAll("<[^>]+>", "").strip();
  }

  /** id, row label, count, sheet: a breakdown's row of a children's count between 1 and 4. */
  private static String[] smallRow(Map<String, Object> api) {
    for (Map<String, Object> figure : figures(api)) {
      if ("amount".equals(figure.get("unit"))) {
        continue;
      }
      for (Map<String, Object> split : splits(figure)) {
        for (Map<String, Object> row : rowsOf(split)) {
          if (ReportFigures.small(number(row.get("numerator")))) {
            return new String[] {(String) figure.get("id"), (String) row.get("label"), row.get("numerator").toString(),
                WorkbookUtil.createSafeSheetName((String) split.get("title"))};
          }
        }
      }
    }
    return null;
  }

  private static int rowOf(Sheet sheet, String[] wanted) {
    for (Row row : sheet) {
      if (text(row.getCell(0)).equals(wanted[0]) && text(row.getCell(2)).equals(wanted[1])) {
        return row.getRowNum();
      }
    }
    throw new AssertionError("no row " + String.join(" ", wanted) + " in " + sheet.getSheetName());
  }

  private static boolean isAmount(Row row, Sheet sheet, XSSFWorkbook book) {
    String id = text(row.getCell(0));
    Row first = rowsById(book.getSheet(ReportExports.FIRST_SHEET)).get(id);
    return first == null || "đồng".equals(text(first.getCell(4)));
  }

  private static Map<String, Row> rowsById(Sheet sheet) {
    Map<String, Row> rows = new HashMap<>();
    boolean body = false;
    // the indicators' table, up to the chart's data below it
    for (Row row : sheet) {
      if (body && text(row.getCell(0)).equals(ReportExports.CHART_TITLE)) {
        break;
      }
      if (body) {
        rows.put(text(row.getCell(0)), row);
      }
      body |= text(row.getCell(0)).equals("Mã chỉ tiêu");
    }
    return rows;
  }

  private static String text(Cell cell) {
    return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
  }

  /** The CSV's rows by indicator id: fields split at commas outside quotes. */
  private static Map<String, List<String>> csvRows(String csv) {
    Map<String, List<String>> rows = new HashMap<>();
    String[] lines = csv.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      String line = lines[i];
      for (int at = 0; at < line.length(); at++) {
        char c = line.charAt(at);
        if (c == '"' && quoted && at + 1 < line.length() && line.charAt(at + 1) == '"') {
          field.append('"');
          at++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          fields.add(field.toString());
          field.setLength(0);
        } else {
          field.append(c);
        }
      }
      fields.add(field.toString());
      rows.put(fields.get(0), fields);
    }
    return rows;
  }

  private static Long number(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  private static BigDecimal decimal(Object value) {
    return value == null ? null : new BigDecimal(value.toString());
  }
}
