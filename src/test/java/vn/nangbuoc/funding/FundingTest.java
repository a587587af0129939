package vn.nangbuoc.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nangbuoc.pathway.PathwayDriver.vars;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.fund.Balance;
import vn.nangbuoc.fund.Fund;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.fund.FundLedger;
import vn.nangbuoc.fund.FundReceipts;
import vn.nangbuoc.fund.FundingRequest;
import vn.nangbuoc.fund.ReceiptKind;
import vn.nangbuoc.fund.RequestStatus;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.pathway.PathwayEvents;

/** The fund through the pathway and its API: batches, settlements, releases, exports that add up. */
@NangBuocSpringTest
class FundingTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  FundLedger ledger;
  @Autowired
  FundBooks books;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  PathwayEvents events;
  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  FundReceipts receipts;

  PathwayDriver driver;
  String fund;

  @BeforeEach
  void setUp() {
    driver = new PathwayDriver(engine, listing);
    fund = books.fundServing("MAIPHA");
  }

  /** The fund's running balances, after whatever each test did to the books, are the sums of its ledger. */
  @AfterEach
  void balancesAreTheSumsOfTheLedger() {
    for (Fund each : books.funds()) {
      assertThat(books.balance(each.id())).as(each.id()).isEqualTo(jdbc.queryForObject(
          "select coalesce(sum(d_available), 0), coalesce(sum(d_reserved), 0), coalesce(sum(d_disbursed), 0)"
              + " from fund_entry where fund_id = ?", (rs, n) -> new Balance(rs.getLong(1), rs.getLong(2),
              rs.getLong(3)), each.id()));
    }
  }

  @Test
  void shouldDecideABatchWithEachDecisionOnItsOwn() {
    ProcessInstance approved = referred("cvldtbxh", 10_000_000);
    ProcessInstance rejected = referred("cvldtbxh", 11_000_000);
    ProcessInstance withoutReason = referred("cvldtbxh", 12_000_000);
    ProcessInstance ownReferral = referred("tpldtbxh", 13_000_000);

    List<Map<String, Object>> pending = as("tpldtbxh").exchange("/api/funding/approvals", HttpMethod.GET, null, LIST)
        .getBody();
    assertThat(pending).extracting(row -> row.get("caseNumber"))
        .contains(approved.getBusinessKey(), rejected.getBusinessKey())
        // four eyes: his own referral went to his deputy, whom the organisation names as his substitute
        .doesNotContain(ownReferral.getBusinessKey());
    assertThat(as("pptldtbxh").exchange("/api/funding/approvals", HttpMethod.GET, null, LIST).getBody())
        .extracting(row -> row.get("caseNumber")).contains(ownReferral.getBusinessKey());
    assertThat(pending.get(0).keySet()).containsExactly("taskId", "requestId", "caseNumber", "child", "procedure",
        "hospital", "amount", "requestedBy", "waitingSince");
    List<Map<String, Object>> results = as("tpldtbxh").exchange("/api/funding/approvals", HttpMethod.POST,
        new HttpEntity<>(Map.of("decisions", List.of(
            Map.of("taskId", taskOf(approved), "decision", "APPROVED"),
            Map.of("taskId", taskOf(rejected), "decision", "REJECTED", "reason", "Đã có bảo hiểm y tế chi trả"),
            Map.of("taskId", taskOf(withoutReason), "decision", "REJECTED"),
            Map.of("taskId", taskOf(ownReferral), "decision", "APPROVED")))), LIST).getBody();

    assertThat(results).extracting(r -> r.get("ok")).containsExactly(true, true, false, false);
    assertThat(results.get(0).keySet()).containsExactly("taskId", "ok");
    assertThat(results.get(2).keySet()).containsExactly("taskId", "ok", "message");
    assertThat((String) results.get(2).get("message")).contains("Hãy ghi lý do");
    assertThat((String) results.get(3).get("message")).contains("không có quyền");
    assertThat(requestOf(approved).status()).isEqualTo(RequestStatus.APPROVED);
    assertThat(requestOf(rejected).status()).isEqualTo(RequestStatus.REJECTED);
    assertThat(requestOf(withoutReason).status()).isEqualTo(RequestStatus.PENDING);
    assertThat(requestOf(ownReferral).status()).isEqualTo(RequestStatus.PENDING);
    assertThat(driver.task(approved).getTaskDefinitionKey()).isEqualTo(ChildPathway.TASK_RECORD_DISBURSEMENT);
    assertThat(driver.task(rejected).getTaskDefinitionKey()).isEqualTo(ChildPathway.TASK_SEEK_OTHER_FUNDING);
    assertThat(driver.task(withoutReason).getTaskDefinitionKey()).isEqualTo(ChildPathway.TASK_APPROVE_FUNDING);
  }

  @Test
  void shouldKeepTheRequestAsTheApproverSawItWhateverHappensToTheCase() {
    ProcessInstance pathway = referred("cvldtbxh", 14_000_000);
    FundingRequest before = requestOf(pathway);
    CaseFile file = caseOf(pathway);

    caseFiles.correct(file.id(), file.version(), PathwayDriver.child("MAIPHA", LocalDate.now().minusYears(6),
        vn.nangbuoc.casefile.ConditionGroup.MOTOR), "cbmaipha");
    events.childMoved(file.id(), "HOANGDONG", "cvldtbxh");

    assertThat(books.request(before.id())).isEqualTo(before);
  }

  @Test
  void shouldReleaseWhatTheBillLeavesAndPayASmallExcessWithinTheMargin() {
    ProcessInstance below = paidInAdvance(12_000_000, 10_000_000);
    ProcessInstance above = paidInAdvance(12_000_000, 12_000_000);
    Balance start = books.balance(fund);

    driver.settle(below, 11_000_000);
    driver.settle(above, 13_000_000);

    assertThat(requestOf(below).status()).isEqualTo(RequestStatus.SETTLED);
    assertThat(requestOf(above).status()).isEqualTo(RequestStatus.SETTLED);
    assertThat(paidFor(below)).isEqualTo(11_000_000);
    assertThat(paidFor(above)).isEqualTo(13_000_000);
    Balance end = books.balance(fund);
    // below: 1,000,000 released; above: 1,000,000 more taken from the fund
    assertThat(end.available() - start.available()).isEqualTo(1_000_000 - 1_000_000);
    assertThat(end.reserved() - start.reserved()).isEqualTo(-2_000_000);
    assertThat(end.disbursed() - start.disbursed()).isEqualTo(1_000_000 + 1_000_000);
  }

  @Test
  void shouldReturnReservedMoneyWhenTheFamilyWithdraws() {
    ProcessInstance pathway = referred("cvldtbxh", 9_000_000);
    driver.approve("tpldtbxh", pathway, "APPROVED");
    Balance before = books.balance(fund);

    events.familyWithdrew(caseOf(pathway).id(), "Gia đình chuyển đi", "cbmaipha");

    assertThat(requestOf(pathway).status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(books.balance(fund)).isEqualTo(new Balance(before.available() + 9_000_000,
        before.reserved() - 9_000_000, before.disbursed()));
  }

  @Test
  void shouldReleaseAReservationWhenAnApprovedRequestIsRejectedAfterwards() {
    ProcessInstance pathway = referred("cvldtbxh", 6_000_000);
    driver.approve("tpldtbxh", pathway, "APPROVED");
    Balance before = books.balance(fund);

    ledger.reject(requestOf(pathway).id(), "pctubnd", "Hồ sơ không đúng đối tượng");

    assertThat(books.balance(fund)).isEqualTo(new Balance(before.available() + 6_000_000,
        before.reserved() - 6_000_000, before.disbursed()));
    assertThat(requestOf(pathway).status()).isEqualTo(RequestStatus.REJECTED);
  }

  @Test
  void shouldCorrectTheBooksWithAReasonedRowAndKeepTheWrongOne() {
    Map<?, ?> receipt = as("cvtaichinh").exchange("/api/funds/" + fund + "/receipts", HttpMethod.POST,
        new HttpEntity<>(Map.of("kind", "BUDGET", "amount", 5_000_000, "date", LocalDate.now().toString())), Map.class)
        .getBody();
    long wrong = jdbc.queryForObject("select max(id) from fund_entry where fund_id = ? and entry_type = 'RECEIPT'",
        Long.class, fund);
    Balance before = books.balance(fund);

    ResponseEntity<String> refused = as("cvtaichinh").exchange("/api/funds/entries/" + wrong + "/corrections",
        HttpMethod.POST, new HttpEntity<>(Map.of("available", -500_000, "reserved", 0, "disbursed", 0)), String.class);
    // a correction is proposed by one finance officer and takes effect when a second one confirms it
    Map<?, ?> proposal = as("cvtaichinh").exchange("/api/funds/entries/" + wrong + "/corrections",
        HttpMethod.POST, new HttpEntity<>(Map.of("available", -500_000, "reserved", 0, "disbursed", 0,
            "reason", "Nhập nhầm: quyết định cấp 4.500.000 đồng")), Map.class).getBody();
    ResponseEntity<String> corrected = as("ktquy").exchange("/api/funds/corrections/" + proposal.get("id")
        + "/confirmation", HttpMethod.POST, null, String.class);

    assertThat(receipt).isNotNull();
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Chưa nhập lý do điều chỉnh");
    assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(books.balance(fund).available()).isEqualTo(before.available() - 500_000);
    assertThat(jdbc.queryForObject("select amount from fund_entry where id = ?", Long.class, wrong))
        .isEqualTo(5_000_000);
  }

  @Test
  void shouldExportALedgerWhoseTotalsMatchTheFundToTheDong() throws IOException {
    paidInAdvance(8_000_000, 8_000_000);
    assertThat(as("cvtaichinh").exchange("/api/funds/" + fund + "/receipts", HttpMethod.POST, new HttpEntity<>(Map.of(
        "kind", "DONATION", "amount", 25_000_000, "donor", "Công ty TNHH Thương mại Kỳ Lừa", "date",
        LocalDate.now().toString())), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<byte[]> export = as("thanhtra").getForEntity("/api/funds/" + fund + "/ledger.xlsx", byte[].class);

    assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
    Balance balance = books.balance(fund);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.getBody()))) {
      Sheet sheet = book.getSheet("Sổ quỹ");
      Row totals = sheet.getRow(sheet.getLastRowNum());
      assertThat(totals.getCell(2).getStringCellValue()).isEqualTo("Cộng");
      assertThat((long) totals.getCell(4).getNumericCellValue()).isEqualTo(balance.available());
      assertThat((long) totals.getCell(5).getNumericCellValue()).isEqualTo(balance.reserved());
      assertThat((long) totals.getCell(6).getNumericCellValue()).isEqualTo(balance.disbursed());
      long rowsSum = 0;
      for (int i = 1; i < sheet.getLastRowNum(); i++) {
        rowsSum += (long) sheet.getRow(i).getCell(4).getNumericCellValue();
      }
      assertThat(rowsSum).isEqualTo(balance.available());
    }
    assertThat(as("cbmaipha").getForEntity("/api/funds/" + fund + "/ledger.xlsx", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("thanhtra").exchange("/api/funds/" + fund + "/receipts", HttpMethod.POST, new HttpEntity<>(Map.of(
        "kind", "BUDGET", "amount", 1_000, "date", LocalDate.now().toString())), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void shouldLogTheCasesADecisionsExportShows() throws IOException {
    ProcessInstance pathway = referred("cvldtbxh", 7_000_000);

    ResponseEntity<byte[]> export = as("thanhtra").getForEntity("/api/funds/" + fund + "/decisions.xlsx", byte[].class);

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.getBody()))) {
      Sheet sheet = book.getSheet("Quyết định hỗ trợ");
      assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Hồ sơ");
      boolean listed = false;
      for (Row row : sheet) {
        listed |= pathway.getBusinessKey().equals(row.getCell(1).getStringCellValue());
      }
      assertThat(listed).isTrue();
    }
    assertThat(jdbc.queryForObject("select count(*) from case_access_log where case_id = ? and user_id = 'thanhtra'"
        + " and channel = 'EXPORT'", Long.class, caseOf(pathway).id())).isEqualTo(1);
  }

  @Test
  void shouldListTheWaitingLineWithEachRequestsPlace() {
    ProcessInstance first = referred("cvldtbxh", 6_100_000);
    ProcessInstance second = referred("cvldtbxh", 6_200_000);
    driver.approve("tpldtbxh", first, "WAITING");
    driver.approve("tpldtbxh", second, "WAITING");

    List<Map<String, Object>> line = as("thanhtra").exchange("/api/funds/" + fund + "/requests?status=WAITING",
        HttpMethod.GET, null, LIST).getBody();

    assertThat(line).hasSizeGreaterThanOrEqualTo(2);
    for (int i = 0; i < line.size(); i++) {
      long id = ((Number) line.get(i).get("id")).longValue();
      assertThat(((Number) line.get(i).get("placeInLine")).intValue()).as("request " + id)
          .isEqualTo(i + 1).isEqualTo(books.placeInLine(id));
    }
    assertThat(line).extracting(row -> ((Number) row.get("id")).longValue()).containsSubsequence(
        requestOf(first).id(), requestOf(second).id());
    // the money arrives: the line is served and the two pathways go on, as they would for the next test
    receipts.receive(fund, ReceiptKind.DONATION, line.stream().mapToLong(row -> ((Number) row.get("amount"))
        .longValue()).sum(), "Hội Chữ thập đỏ thành phố", null, LocalDate.now(), "cvtaichinh");
    assertThat(books.requests(fund, RequestStatus.WAITING)).isEmpty();
    for (ProcessInstance served : List.of(first, second)) {
      assertThat(jdbc.queryForMap("select funding_decision, approved_amount from case_fact where case_id = ?",
          caseOf(served).id())).as("reports count the approval once the money is there")
          .containsEntry("funding_decision", "APPROVED").containsEntry("approved_amount", requestOf(served).amount());
    }
  }

  private ProcessInstance referred(String preparer, long cost) {
    ProcessInstance pathway = driver.listEligibleChild();
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");
    driver.prepareReferral(preparer, pathway, cost, true);
    return pathway;
  }

  private ProcessInstance paidInAdvance(long approved, long paid) {
    ProcessInstance pathway = referred("cvldtbxh", approved);
    driver.approve("tpldtbxh", pathway, "APPROVED");
    driver.complete("cvtaichinh", pathway, ChildPathway.TASK_RECORD_DISBURSEMENT, vars(
        "record_amountPaid", paid, "record_paidOn", LocalDate.now().toString(), "record_payee", "HOSPITAL",
        "record_voucherNumber", "PC-7"));
    driver.surgeryDone(pathway);
    return pathway;
  }

  private long paidFor(ProcessInstance pathway) {
    return jdbc.queryForObject("select coalesce(sum(d_disbursed), 0) from fund_entry where request_id = ?", Long.class,
        requestOf(pathway).id());
  }

  private FundingRequest requestOf(ProcessInstance pathway) {
    return books.requestsOfCase(caseOf(pathway).id()).stream().reduce((first, second) -> second).orElseThrow();
  }

  private CaseFile caseOf(ProcessInstance pathway) {
    return caseFiles.getByProcessInstance(pathway.getId());
  }

  private String taskOf(ProcessInstance pathway) {
    return driver.task(pathway).getId();
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo123");
  }
}
