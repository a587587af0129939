package vn.nangbuoc.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.nangbuoc.pathway.PathwayDriver.vars;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.erasure.CaseErasure;
import vn.nangbuoc.erasure.ErasureKind;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * Corrections of the fund's books by four eyes, and payments that never exceed the approvals
 * whatever a correction did: over the API, the pages and the pathway's tasks.
 */
@NangBuocSpringTest
class FundCorrectionsTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  FundLedger ledger;
  @Autowired
  FundBooks books;
  @Autowired
  FundReceipts receipts;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  CaseErasure erasure;

  /** A fund of its own holding 10,000,000. */
  String fund;
  long receipt;

  @BeforeEach
  void fundOfItsOwn() {
    fund = TestFunds.create(jdbc);
    assertThat(as("cvtaichinh").exchange("/api/funds/" + fund + "/receipts", HttpMethod.POST, new HttpEntity<>(Map.of(
        "kind", "BUDGET", "amount", 10_000_000, "date", LocalDate.now().toString())), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    receipt = jdbc.queryForObject("select id from fund_entry where fund_id = ?", Long.class, fund);
  }

  @AfterEach
  void removeTheFund() {
    TestFunds.remove(jdbc, fund);
  }

  @Test
  void shouldRefuseTheProbesCorrectionAndWriteNothing() {
    ResponseEntity<Map<String, Object>> refused = propose("cvtaichinh", receipt, -2_000_000_000L, 0, 0, "Điều chỉnh");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).contains("khả dụng của quỹ sẽ xuống dưới 0");
    assertThat(books.balance(fund)).isEqualTo(new Balance(10_000_000, 0, 0));
    assertThat(jdbc.queryForObject("select count(*) from fund_correction where fund_id = ?", Long.class, fund))
        .isZero();
  }

  @Test
  void shouldTakeEffectOnlyWhenASecondFinanceOfficerConfirms() {
    ResponseEntity<Map<String, Object>> proposed = propose("cvtaichinh", receipt, -500_000, 0, 0,
        "Nhập nhầm: quyết định cấp 9.500.000 đồng");
    assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(proposed.getBody()).containsEntry("status", "PROPOSED").containsEntry("proposedBy", "cvtaichinh");
    long id = ((Number) proposed.getBody().get("id")).longValue();
    assertThat(books.balance(fund)).isEqualTo(new Balance(10_000_000, 0, 0));
    assertThat(as("thanhtra").exchange("/api/funds/" + fund + "/corrections?status=PROPOSED", HttpMethod.GET, null,
        LIST).getBody()).extracting(row -> ((Number) row.get("id")).longValue()).containsExactly(id);
    assertThat(as("cbmaipha").exchange("/api/funds/" + fund + "/corrections", HttpMethod.GET, null, String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<Map<String, Object>> byProposer = confirm("cvtaichinh", id);
    assertThat(byProposer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) byProposer.getBody().get("message")).contains("Người đề xuất điều chỉnh không tự xác nhận");
    for (String withoutTheRight : List.of("tpldtbxh", "pctubnd", "thanhtra", "quantri")) {
      assertThat(confirm(withoutTheRight, id).getStatusCode()).as(withoutTheRight).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(reject(withoutTheRight, id, "Không đúng").getStatusCode()).as(withoutTheRight)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(books.balance(fund)).isEqualTo(new Balance(10_000_000, 0, 0));

    ResponseEntity<Map<String, Object>> confirmed = confirm("ktquy", id);

    assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(confirmed.getBody()).containsEntry("status", "CONFIRMED").containsEntry("decidedBy", "ktquy");
    assertThat(books.balance(fund)).isEqualTo(new Balance(9_500_000, 0, 0));
    Map<String, Object> row = jdbc.queryForMap("select entry_type, recorded_by, confirmed_by, reason,"
        + " corrects_entry_id, d_available from fund_entry where id = ?",
        ((Number) confirmed.getBody().get("resultEntryId")).longValue());
    assertThat(row).containsEntry("ENTRY_TYPE", "CORRECTION").containsEntry("RECORDED_BY", "cvtaichinh")
        .containsEntry("CONFIRMED_BY", "ktquy").containsEntry("REASON", "Nhập nhầm: quyết định cấp 9.500.000 đồng")
        .containsEntry("CORRECTS_ENTRY_ID", receipt).containsEntry("D_AVAILABLE", -500_000L);
    // once: a second confirmation changes nothing
    assertThat(confirm("cvtaichinh", id).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(books.balance(fund)).isEqualTo(new Balance(9_500_000, 0, 0));
    assertThat(as("thanhtra").exchange("/api/funds/" + fund + "/corrections?status=PROPOSED", HttpMethod.GET, null,
        LIST).getBody()).isEmpty();
  }

  @Test
  void shouldRejectAProposalWithAReasonAndWriteNothing() {
    long id = ((Number) propose("ktquy", receipt, 0, 0, 0, "Không thay đổi").getBody().getOrDefault("id", -1))
        .longValue();
    assertThat(id).as("a correction that changes nothing is refused").isEqualTo(-1);
    id = ((Number) propose("ktquy", receipt, -1_000_000, 0, 0, "Nhập nhầm").getBody().get("id")).longValue();

    ResponseEntity<Map<String, Object>> withoutReason = reject("cvtaichinh", id, "");
    ResponseEntity<Map<String, Object>> rejected = reject("cvtaichinh", id, "Chứng từ ghi đúng 10.000.000 đồng");

    assertThat(withoutReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(rejected.getBody()).containsEntry("status", "REJECTED").containsEntry("decidedBy", "cvtaichinh")
        .containsEntry("decisionReason", "Chứng từ ghi đúng 10.000.000 đồng");
    assertThat(confirm("cvtaichinh", id).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(books.balance(fund)).isEqualTo(new Balance(10_000_000, 0, 0));
    assertThat(jdbc.queryForObject("select count(*) from fund_entry where fund_id = ? and entry_type = 'CORRECTION'",
        Long.class, fund)).isZero();
  }

  @Test
  void shouldRefuseAConfirmationThatWouldTakeTheFundBelowZeroAsTheBooksAreThen() {
    long first = ((Number) propose("cvtaichinh", receipt, -8_000_000, 0, 0, "Nhập nhầm lần 1").getBody().get("id"))
        .longValue();
    long second = ((Number) propose("cvtaichinh", receipt, -5_000_000, 0, 0, "Nhập nhầm lần 2").getBody().get("id"))
        .longValue();
    assertThat(confirm("ktquy", first).getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<Map<String, Object>> refused = confirm("ktquy", second);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).contains("khả dụng của quỹ sẽ xuống dưới 0");
    assertThat(books.balance(fund)).isEqualTo(new Balance(2_000_000, 0, 0));
    assertThat(as("ktquy").exchange("/api/funds/" + fund + "/corrections?status=PROPOSED", HttpMethod.GET, null, LIST)
        .getBody()).extracting(row -> ((Number) row.get("id")).longValue()).containsExactly(second);
  }

  @Test
  void shouldConfirmAndRejectOnTheFundsPagesWithTheFormsToken() {
    long first = ((Number) propose("cvtaichinh", receipt, -100_000, 0, 0, "Phí chuyển khoản").getBody().get("id"))
        .longValue();
    long second = ((Number) propose("cvtaichinh", receipt, -200_000, 0, 0, "Ghi trùng").getBody().get("id"))
        .longValue();
    PageBrowser pages = new PageBrowser(http);
    String path = "/quy/" + fund + "/dieu-chinh";

    String proposer = pages.login("cvtaichinh");
    assertThat(pages.get(proposer, path).getBody()).contains("Đề xuất điều chỉnh sổ quỹ", "Phí chuyển khoản",
        "Chờ người thứ hai xác nhận").doesNotContain("/quy/dieu-chinh/" + first + "/xac-nhan");
    String inspector = pages.login("thanhtra");
    String inspectorsPage = pages.get(inspector, path).getBody();
    assertThat(inspectorsPage).contains("Phí chuyển khoản").doesNotContain("/xac-nhan", "/tu-choi");
    assertThat(pages.submit(inspector, path, "/quy/dieu-chinh/" + first + "/xac-nhan").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    String second_officer = pages.login("ktquy");
    String page = pages.get(second_officer, path).getBody();
    assertThat(page).contains("/quy/dieu-chinh/" + first + "/xac-nhan", "/quy/dieu-chinh/" + second + "/tu-choi");
    MultiValueMap<String, String> withoutToken = new LinkedMultiValueMap<>();
    assertThat(pages.post(second_officer, "/quy/dieu-chinh/" + first + "/xac-nhan", withoutToken).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // refused beside the proposal's buttons, in its row
    assertThat(HtmlUtils.htmlUnescape(pages.submit(proposer, path, "/quy/dieu-chinh/" + first + "/xac-nhan")
        .getBody())).containsPattern("(?s)<tr id=\"dieu-chinh-" + first + "\">(?:(?!</tr>).)*<p class=\"message"
        + " refusal\" role=\"alert\">Người đề xuất điều chỉnh không tự xác nhận");
    assertThat(books.balance(fund)).isEqualTo(new Balance(10_000_000, 0, 0));

    ResponseEntity<String> confirmed = pages.submit(second_officer, path, "/quy/dieu-chinh/" + first + "/xac-nhan");
    MultiValueMap<String, String> rejection = new LinkedMultiValueMap<>();
    rejection.add("_csrf", PageBrowser.csrfToken(page));
    rejection.add("ly-do", "Không ghi trùng");
    ResponseEntity<String> rejected = pages.post(second_officer, "/quy/dieu-chinh/" + second + "/tu-choi", rejection);

    assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(books.balance(fund)).isEqualTo(new Balance(9_900_000, 0, 0));
    assertThat(pages.get(second_officer, path).getBody()).contains("Không có đề xuất điều chỉnh nào đang chờ");
    assertThat(pages.get(inspector, "/quy/" + fund + "/so-cai?tu=2000-01-01").getBody())
        .contains("cvtaichinh (đề xuất), ktquy (xác nhận)");
  }

  @Test
  void shouldNeverPayMoreThanWasApprovedWhateverACorrectionDidToTheReservation() {
    // the probe: 25,000,000 approved, the reservation corrected up by 50,000,000 (two officers agreeing, or a mistake)
    String city = books.fundServing("MAIPHA");
    receipts.receive(city, ReceiptKind.BUDGET, 200_000_000, null, null, LocalDate.now(), "cvtaichinh");
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ProcessInstance pathway = driver.listEligibleChild();
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");
    driver.prepareReferral("cvldtbxh", pathway, 25_000_000, true);
    driver.approve("tpldtbxh", pathway, "APPROVED");
    FundingRequest request = requestOf(pathway);
    long reservation = jdbc.queryForObject(
        "select id from fund_entry where request_id = ? and entry_type = 'RESERVATION'", Long.class, request.id());
    long id = ((Number) propose("cvtaichinh", reservation, -50_000_000, 50_000_000, 0, "Giữ thêm cho ca mổ")
        .getBody().get("id")).longValue();
    assertThat(confirm("ktquy", id).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(reservedFor(request)).isEqualTo(75_000_000);

    // when the finance officer pays 75,000,000
    assertThatThrownBy(() -> pay(driver, pathway, 75_000_000)).hasStackTraceContaining("vượt số đã phê duyệt")
        .hasStackTraceContaining(InvalidInputException.class.getName());
    assertThat(paidFor(request)).isZero();

    // then only the approval can be paid, and a bill of 75,000,000 pays nothing more without a second approval
    pay(driver, pathway, 25_000_000);
    driver.surgeryDone(pathway);
    driver.settle(pathway, 75_000_000);

    assertThat(paidFor(request)).isEqualTo(25_000_000);
    assertThat(driver.task(pathway).getTaskDefinitionKey()).isEqualTo(ChildPathway.TASK_APPROVE_TOP_UP);
    assertThat(requestOf(pathway).status()).isEqualTo(RequestStatus.APPROVED);
  }

  @Test
  void shouldLimitTheLengthOfTheFundsFreeText() {
    String tooLong = "x".repeat(1001);
    ResponseEntity<Map<String, Object>> reason = propose("cvtaichinh", receipt, -1, 0, 0, tooLong);
    assertThat(reason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) reason.getBody().get("message")).contains("dài quá 1000 ký tự");
    long id = ((Number) propose("cvtaichinh", receipt, -1, 0, 0, "Phí").getBody().get("id")).longValue();
    assertThat((String) reject("ktquy", id, tooLong).getBody().get("message")).contains("dài quá 1000 ký tự");
    // whatever the channel: the books themselves refuse a donor, an earmark or a voucher longer than their columns
    assertThatThrownBy(() -> receipts.receive(fund, ReceiptKind.DONATION, 1_000, "x".repeat(301), null,
        LocalDate.now(), "cvtaichinh")).isInstanceOf(InvalidInputException.class).hasMessageContaining("dài quá 300");
    assertThatThrownBy(() -> receipts.receive(fund, ReceiptKind.DONATION, 1_000, "Hội", "x".repeat(301),
        LocalDate.now(), "cvtaichinh")).isInstanceOf(InvalidInputException.class).hasMessageContaining("dài quá 300");
    assertThat(books.balance(fund)).isEqualTo(new Balance(10_000_000, 0, 0));
  }

  @Test
  void shouldKeepADecisionsFullReasonInTheLedgerAndRefuseALongerOne() {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ProcessInstance pathway = driver.listEligibleChild();
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");
    driver.prepareReferral("cvldtbxh", pathway, 3_000_000, true);
    driver.approve("tpldtbxh", pathway, "APPROVED");
    long request = requestOf(pathway).id();

    assertThatThrownBy(() -> ledger.reject(request, "pctubnd", "x".repeat(2001)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("dài quá 2000");
    ledger.reject(request, "pctubnd", "y".repeat(2000));

    assertThat(jdbc.queryForObject("select reason from fund_entry where request_id = ? and entry_type = 'RELEASE'",
        String.class, request)).isEqualTo("Từ chối: " + "y".repeat(2000));
  }

  @Test
  void shouldEraseWhatCorrectionsSayAboutAnErasedChild() {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ProcessInstance pathway = driver.listEligibleChild();
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");
    driver.prepareReferral("cvldtbxh", pathway, 2_000_000, true);
    driver.approve("tpldtbxh", pathway, "APPROVED");
    FundingRequest request = requestOf(pathway);
    String name = jdbc.queryForObject("select full_name from case_file where id = ?", String.class, request.caseId());
    long reservation = jdbc.queryForObject(
        "select id from fund_entry where request_id = ? and entry_type = 'RESERVATION'", Long.class, request.id());
    long rejected = ((Number) propose("cvtaichinh", reservation, 100_000, -100_000, 0, "Ca mổ của " + name)
        .getBody().get("id")).longValue();
    reject("ktquy", rejected, "Gia đình " + name + " đã nộp đủ");
    propose("cvtaichinh", reservation, 200_000, -200_000, 0, "Bé " + name + " mổ một bên");

    erasure.erase(request.caseId(), "Theo đơn đề nghị của gia đình, công văn số 17/2026", "quantri",
        ErasureKind.BY_ADMINISTRATOR);

    assertThat(jdbc.queryForObject("select count(*) from fund_correction where reason like ? or decision_reason like ?",
        Long.class, "%" + name + "%", "%" + name + "%")).isZero();
    assertThat(jdbc.queryForObject("select count(*) from fund_correction where entry_id = ?", Long.class, reservation))
        .isEqualTo(2);
  }

  private void pay(PathwayDriver driver, ProcessInstance pathway, long amount) {
    driver.complete("cvtaichinh", pathway, ChildPathway.TASK_RECORD_DISBURSEMENT, vars("record_amountPaid", amount,
        "record_paidOn", LocalDate.now().toString(), "record_payee", "HOSPITAL", "record_voucherNumber", "PC-17"));
  }

  private long reservedFor(FundingRequest request) {
    return jdbc.queryForObject("select coalesce(sum(d_reserved), 0) from fund_entry where request_id = ?", Long.class,
        request.id());
  }

  private long paidFor(FundingRequest request) {
    return jdbc.queryForObject("select coalesce(sum(d_disbursed), 0) from fund_entry where request_id = ?", Long.class,
        request.id());
  }

  private FundingRequest requestOf(ProcessInstance pathway) {
    long caseId = jdbc.queryForObject("select id from case_file where process_instance_id = ?", Long.class,
        pathway.getId());
    return books.requestsOfCase(caseId).stream().reduce((first, second) -> second).orElseThrow();
  }

  private ResponseEntity<Map<String, Object>> propose(String user, long entry, long available, long reserved,
      long disbursed, String reason) {
    return as(user).exchange("/api/funds/entries/" + entry + "/corrections", HttpMethod.POST, new HttpEntity<>(Map.of(
        "available", available, "reserved", reserved, "disbursed", disbursed, "reason", reason)), OBJECT);
  }

  private ResponseEntity<Map<String, Object>> confirm(String user, long correction) {
    return as(user).exchange("/api/funds/corrections/" + correction + "/confirmation", HttpMethod.POST, null, OBJECT);
  }

  private ResponseEntity<Map<String, Object>> reject(String user, long correction, String reason) {
    return as(user).exchange("/api/funds/corrections/" + correction + "/rejection", HttpMethod.POST,
        new HttpEntity<>(Map.of("reason", reason)), OBJECT);
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo123");
  }
}
