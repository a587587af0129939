package vn.nangbuoc.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * Item 2 of issue 17, the fund's books: its requests, ledger, corrections and ledger export name
 * children through their requests. Each reader's look is logged once per child shown; an
 * administrator gets the figures without those columns, or (the requests) nothing, and no log entry.
 */
@NangBuocSpringTest
class FundBooksReadersTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  FundBooks ledger;
  @Autowired
  FundCorrections corrections;

  private String fund;
  private long caseId;
  private FundingRequest request;

  @BeforeEach
  void setUp() {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ProcessInstance pathway = driver.listEligibleChild();
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");
    driver.prepareReferral("cvldtbxh", pathway, 7_000_000, true);
    driver.approve("tpldtbxh", pathway, "APPROVED");
    driver.disburse(pathway, 7_000_000);
    caseId = jdbc.queryForObject("select id from case_file where process_instance_id = ?", Long.class,
        pathway.getId());
    request = ledger.requestsOfCase(caseId).get(0);
    fund = request.fundId();
  }

  @Test
  void shouldLogTheRequestsApisReadersAndRefuseAnAdministrator() {
    String path = "/api/funds/" + fund + "/requests?status=" + request.status();

    List<Map<String, Object>> byAuditor = as("thanhtra").exchange(path, HttpMethod.GET, null, LIST).getBody();
    ResponseEntity<String> byAdministrator = as("quantri").getForEntity(path, String.class);

    assertThat(byAuditor).extracting(row -> ((Number) row.get("caseId")).longValue()).contains(caseId);
    assertThat(byAdministrator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(byAdministrator.getBody()).contains("Quản trị viên cấu hình hệ thống")
        .doesNotContain(request.hospital());
    assertThat(readers("LIST")).containsExactly("thanhtra");
  }

  @Test
  void shouldLogTheRequestsPagesReadersAndRefuseAnAdministrator() {
    PageBrowser pages = new PageBrowser(http);
    String path = "/quy/" + fund + "/de-nghi?trang-thai=" + request.status();

    ResponseEntity<String> byFinance = pages.get(pages.login("cvtaichinh"), path);
    ResponseEntity<String> byAdministrator = pages.get(pages.login("quantri"), path);

    assertThat(byFinance.getBody()).contains(request.hospital());
    assertThat(byAdministrator.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(byAdministrator.getBody()).contains("Quản trị viên cấu hình hệ thống")
        .doesNotContain(request.hospital());
    assertThat(readers("LIST")).containsExactly("cvtaichinh");
  }

  @Test
  void shouldLogTheLedgersReadersAndShowAnAdministratorItsFiguresWithoutChildren() {
    String path = "/api/funds/" + fund + "/entries?from=2000-01-01";

    List<Map<String, Object>> byApprover = as("tpldtbxh").exchange(path, HttpMethod.GET, null, LIST).getBody();
    List<Map<String, Object>> byAdministrator = as("quantri").exchange(path, HttpMethod.GET, null, LIST).getBody();

    assertThat(byApprover).extracting(row -> row.get("requestId")).contains((int) request.id());
    assertThat(byAdministrator).hasSameSizeAs(byApprover).allSatisfy(row -> {
      assertThat(row.get("requestId")).isNull();
      assertThat(row.get("payee")).isNull();
      assertThat(row.get("voucher")).isNull();
    });
    assertThat(byAdministrator).extracting(row -> row.get("amount"))
        .isEqualTo(byApprover.stream().map(row -> row.get("amount")).toList());
    assertThat(readers("LIST")).containsExactly("tpldtbxh");
  }

  @Test
  void shouldLogTheLedgerPagesReadersAndShowAnAdministratorItsFiguresWithoutChildren() {
    PageBrowser pages = new PageBrowser(http);
    String path = "/quy/" + fund + "/so-cai?tu=2000-01-01";

    List<List<String>> byAuditor = ledgerRows(pages.get(pages.login("thanhtra"), path).getBody());
    ResponseEntity<String> byAdministrator = pages.get(pages.login("quantri"), path);

    // columns: number, date, type, amount, available, reserved, disbursed, request, source or payee, by, reason
    assertThat(byAuditor).anySatisfy(row -> assertThat(row.get(7)).isEqualTo(String.valueOf(request.id())));
    assertThat(byAdministrator.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(byAdministrator.getBody()).contains("Quản trị viên xem số liệu của Quỹ");
    List<List<String>> rows = ledgerRows(byAdministrator.getBody());
    assertThat(rows).hasSameSizeAs(byAuditor).allSatisfy(row -> {
      assertThat(row.get(7)).isEmpty();
      assertThat(row.get(8)).isNotIn("Bệnh viện", "Gia đình");
    });
    assertThat(rows).extracting(row -> row.get(3)).isEqualTo(byAuditor.stream().map(row -> row.get(3)).toList());
    assertThat(readers("LIST")).containsExactly("thanhtra");
  }

  private static List<List<String>> ledgerRows(String page) {
    String body = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
    List<List<String>> rows = new ArrayList<>();
    Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(body);
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
      while (cell.find()) {
        cells.add(cell.group(1).strip());
      }
      rows.add(cells);
    }
    return rows;
  }

  @Test
  void shouldLogTheLedgerExportAndGiveAnAdministratorItsFiguresWithoutChildren() throws IOException {
    String path = "/api/funds/" + fund + "/ledger.xlsx?from=2000-01-01";

    List<Row> byAuditor = rows(as("thanhtra").getForEntity(path, byte[].class).getBody());
    List<Row> byAdministrator = rows(as("quantri").getForEntity(path, byte[].class).getBody());

    assertThat(byAuditor).anySatisfy(row -> assertThat(cell(row, 7)).isEqualTo(String.valueOf((double) request.id())));
    assertThat(byAdministrator).hasSameSizeAs(byAuditor).allSatisfy(row -> {
      for (int column : new int[] {7, 11, 12}) {
        assertThat(cell(row, column)).as("column %d", column).isEmpty();
      }
    });
    assertThat(readers("EXPORT")).containsExactly("thanhtra");
  }

  @Test
  void shouldLogTheCorrectionsReadersAndShowAnAdministratorNoRequest() {
    long entry = ledger.entriesOfRequest(request.id()).get(0).id();
    Correction proposal = corrections.propose(entry, -1, 1, 0, "Ghi sai 1 đồng", "cvtaichinh");
    try {
      PageBrowser pages = new PageBrowser(http);
      List<Map<String, Object>> byAdministrator = as("quantri").exchange("/api/funds/" + fund + "/corrections",
          HttpMethod.GET, null, LIST).getBody();
      List<Map<String, Object>> byAccountant = as("ktquy").exchange("/api/funds/" + fund + "/corrections",
          HttpMethod.GET, null, LIST).getBody();
      String pageOfAdministrator = pages.get(pages.login("quantri"), "/quy/" + fund + "/dieu-chinh").getBody();
      pages.get(pages.login("cvtaichinh"), "/quy/" + fund + "/dieu-chinh");

      assertThat(byAccountant).extracting(row -> row.get("requestId")).contains((int) request.id());
      assertThat(byAdministrator).extracting(row -> ((Number) row.get("id")).longValue()).contains(proposal.id());
      assertThat(byAdministrator).allSatisfy(row -> assertThat(row.get("requestId")).isNull());
      assertThat(pageOfAdministrator).contains("Quản trị viên xem số liệu của Quỹ").doesNotContain("Ghi sai 1 đồng");
      assertThat(readers("LIST")).containsExactlyInAnyOrder("ktquy", "cvtaichinh");
    } finally {
      corrections.reject(proposal.id(), "ktquy", "Thử nghiệm xong");
    }
  }

  private List<String> readers(String channel) {
    return jdbc.queryForList("select user_id from case_access_log where case_id = ? and channel = ? order by id",
        String.class, caseId, channel);
  }

  private static List<Row> rows(byte[] workbook) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
      List<Row> rows = new ArrayList<>();
      book.getSheetAt(0).forEach(rows::add);
      return rows.subList(1, rows.size() - 1); // without the header and the totals
    }
  }

  private static String cell(Row row, int column) {
    return row.getCell(column) == null ? "" : row.getCell(column).toString();
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo123");
  }
}
