package vn.nangbuoc.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.NameFolding;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.document.DocumentKind;
import vn.nangbuoc.document.DocumentService;
import vn.nangbuoc.fund.Balance;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.fund.FundingRequest;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * Erasure of a child's case file (on H2 and on PostgreSQL): afterwards no table, the application's or
 * the engine's, holds anything of the child, while the fund's books still add up.
 */
abstract class ErasureChecks {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  CaseErasure erasure;
  @Autowired
  RetentionJob retention;
  @Autowired
  HistoryRetention historyRetention;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  FundBooks ledger;
  @Autowired
  DataSource dataSource;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TestRestTemplate http;
  @Autowired
  DocumentService documents;

  PathwayDriver driver;

  @BeforeEach
  void setUp() {
    driver = new PathwayDriver(engine, listing);
  }

  @Test
  void shouldLeaveNoTraceOfTheChildInAnyTable() throws Exception {
    String word = unique();
    String name = "Hoàng Thị " + word;
    String personalId = PathwayDriver.randomPersonalId();
    String phone = "09" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    String address = "Thôn " + unique();
    ChildListing child = new ChildListing(name, LocalDate.now().minusYears(5), Sex.FEMALE, "Tày", personalId,
        address, "MAIPHA", ConditionGroup.CLEFT_LIP_PALATE, "Hoàng Văn " + unique(), CaregiverRelation.FATHER, phone);
    ProcessInstance pathway = driver.list("cbmaipha", child);
    CaseFile file = caseFiles.getByProcessInstance(pathway.getId());
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");
    driver.prepareReferral("cvldtbxh", pathway, 6_000_000, true);
    driver.approve("tpldtbxh", pathway, "APPROVED");
    driver.disburse(pathway, 6_000_000);
    caseFiles.correct(file.id(), caseFiles.get(file.id()).version(), new ChildListing(name, file.dateOfBirth(),
        Sex.FEMALE, "Nùng", personalId, address, "MAIPHA", ConditionGroup.CLEFT_LIP_PALATE,
        "Hoàng Văn " + word, CaregiverRelation.FATHER, phone), "cbmaipha");
    documents.attach(file.id(), DocumentKind.MEDICAL_REPORT, "ket-qua-" + word + ".pdf",
        pdfNaming(name + ", " + personalId), "cbmaipha");
    FundingRequest request = ledger.requestsOfCase(file.id()).get(0);
    Balance before = ledger.balance(request.fundId());
    List<String> needles = List.of(name, NameFolding.fold(name), word, personalId, phone, address,
        file.caseNumber(), pathway.getId());
    assertThat(DatabaseTraces.find(dataSource, needles, file.id())).as("the child is in the database before")
        .isNotEmpty();

    erasure.erase(file.id(), "Theo đơn đề nghị của gia đình, công văn số 12/2026", "quantri",
        ErasureKind.BY_ADMINISTRATOR);

    assertThat(DatabaseTraces.find(dataSource, needles, file.id())).isEmpty();
    assertThat(ledger.balance(request.fundId())).as("the books still add up").isEqualTo(before);
    assertThat(ledger.requestsOfFund(request.fundId())).filteredOn(r -> r.id() == request.id()).singleElement()
        .satisfies(kept -> {
          assertThat(kept.caseErased()).isTrue();
          assertThat(kept.amount()).isEqualTo(6_000_000);
          assertThat(kept.finding()).isNull();
        });
    assertThat(jdbc.sql("select count(*) from case_erasure where reason = ? and erased_by = 'quantri'")
        .param("Theo đơn đề nghị của gia đình, công văn số 12/2026").query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void shouldRefuseAReasonThatIsMissingOrNamesTheChildAndEraseNothing() {
    CaseFile file = listed();

    assertThatThrownBy(() -> erasure.erase(file.id(), "ngắn", "quantri", ErasureKind.BY_ADMINISTRATOR))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("ít nhất 10 ký tự");
    assertThatThrownBy(() -> erasure.erase(file.id(), "Gia đình của " + NameFolding.fold(file.fullName())
        + " xin xóa", "quantri", ErasureKind.BY_ADMINISTRATOR))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("không được ghi họ tên");
    assertThat(caseFiles.get(file.id()).processInstanceId()).isNotNull();
  }

  @Test
  void shouldRefuseAReasonThatNamesTheChildInAnyWritingAndEraseNothing() {
    String word = unique();
    ChildListing child = new ChildListing("Lò Văn " + word, LocalDate.now().minusYears(4), Sex.MALE, "Thái",
        "001219000601".substring(0, 3) + "2" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)),
        "Thôn Nà Pàn", "MAIPHA", ConditionGroup.MOTOR, "Lò Thị Mai", CaregiverRelation.MOTHER, "0912345678");
    CaseFile file = caseFiles.getByProcessInstance(driver.list("cbmaipha", child).getId());
    String id = file.personalId();
    String folded = NameFolding.fold(word);

    for (String reason : List.of(
        "Gia đình em " + word + " Lò xin xóa hồ sơ",                                  // name in another order
        "Theo đơn của gia đình " + folded.toUpperCase() + " LO, ngày 20/11/2026",     // no diacritics, other case
        "Theo đơn có số định danh " + id.substring(0, 3) + " " + id.substring(3, 6) + " " + id.substring(6),
        "Theo đơn có số định danh " + id.substring(0, 4) + "." + id.substring(4, 8) + "-" + id.substring(8),
        "Mẹ của trẻ gọi điện từ số 0912.345.678 xin xóa hồ sơ",                        // the caregiver's phone
        "Mẹ của trẻ gọi điện từ số +84 912 345 678 xin xóa hồ sơ",
        "Theo yêu cầu về hồ sơ " + file.caseNumber().toLowerCase())) {
      assertThatThrownBy(() -> erasure.erase(file.id(), reason, "quantri", ErasureKind.BY_ADMINISTRATOR))
          .as(reason).isInstanceOf(InvalidInputException.class).hasMessageContaining("không được ghi họ tên");
    }
    assertThat(caseFiles.get(file.id()).processInstanceId()).isNotNull();
    // the name's words one at a time, and other numbers, are a reason like any other
    erasure.erase(file.id(), "Theo văn bản số 12/2026 ngày 20/11/2026 của UBND xã, gia đình họ Lò chuyển đi",
        "quantri", ErasureKind.BY_ADMINISTRATOR);
    assertThat(caseFiles.findByCaseNumber(file.caseNumber())).isEmpty();
  }

  @Test
  void shouldRefuseAReasonTooLongOrWithMarkupAndEraseNothing() {
    CaseFile file = listed();

    assertThatThrownBy(() -> erasure.erase(file.id(), "Theo quyết định " + "x".repeat(2_000_000), "quantri",
        ErasureKind.BY_ADMINISTRATOR)).isInstanceOf(InvalidInputException.class).hasMessageContaining("dài quá 1000");
    assertThatThrownBy(() -> erasure.erase(file.id(), "Theo <a href=\"http://evil\">quyết định</a>", "quantri",
        ErasureKind.BY_ADMINISTRATOR)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("không được chứa");
    assertThat(caseFiles.get(file.id()).processInstanceId()).isNotNull();
  }

  @Test
  void shouldLetOnlyAdministratorsErase() {
    CaseFile file = listed();
    Map<String, String> body = Map.of("caseNumber", file.caseNumber(), "reason", "Theo quyết định số 7/QĐ-UBND");

    ResponseEntity<String> caseworker = http.withBasicAuth("cbmaipha", "demo123")
        .postForEntity("/api/admin/case-erasures", body, String.class);
    assertThat(caseworker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(caseFiles.findByCaseNumber(file.caseNumber())).isPresent();

    ResponseEntity<String> administrator = http.withBasicAuth("quantri", "demo123")
        .postForEntity("/api/admin/case-erasures", body, String.class);
    assertThat(administrator.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(caseFiles.findByCaseNumber(file.caseNumber())).isEmpty();
    assertThat(http.withBasicAuth("thanhtra", "demo123").getForObject("/api/admin/case-erasures", String.class))
        .contains("Theo quyết định số 7/QĐ-UBND");
  }

  @Test
  void shouldEraseOnTheAdministratorsPageOnlyOnceConfirmed() {
    CaseFile file = listed();
    PageBrowser pages = new PageBrowser(http);
    String session = pages.login("quantri");
    String page = pages.get(session, "/quan-tri/xoa-ho-so").getBody();
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", PageBrowser.csrfToken(page));
    form.add("so", file.caseNumber().toLowerCase());
    form.add("ly-do", "Theo quyết định số 9/QĐ-UBND ngày 20/11/2026");

    ResponseEntity<String> unconfirmed = pages.post(session, "/quan-tri/xoa-ho-so", form);
    assertThat(unconfirmed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unconfirmed.getBody()).contains("Hãy đánh dấu ô xác nhận", "Theo quyết định số 9/QĐ-UBND");
    assertThat(caseFiles.findByCaseNumber(file.caseNumber())).isPresent();

    form.add("xac-nhan", "co");
    ResponseEntity<String> erased = pages.post(session, "/quan-tri/xoa-ho-so", form);
    assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(caseFiles.findByCaseNumber(file.caseNumber())).isEmpty();
    assertThat(pages.get(session, "/quan-tri/xoa-ho-so").getBody()).contains("Đã xóa hồ sơ " + file.caseNumber());
    assertThat(pages.get(pages.login("cbmaipha"), "/quan-tri/xoa-ho-so").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void shouldEraseClosedCaseFilesWhenTheirRetentionEnds() {
    CaseFile expired = listed();
    CaseFile recent = listed();
    for (CaseFile file : List.of(expired, recent)) {
      engine.getRuntimeService().deleteProcessInstance(file.processInstanceId(), "test: closed elsewhere");
      caseFiles.close(file.id(), "COMPLETED");
    }
    jdbc.sql("update case_file set closed_at = ? where id = ?")
        .params(Timestamp.from(Instant.now().minus(Duration.ofDays(3651))), expired.id()).update();

    assertThat(retention.eraseExpired()).isGreaterThanOrEqualTo(1);

    assertThat(caseFiles.findByCaseNumber(expired.caseNumber())).isEmpty();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(expired.processInstanceId()).count()).isZero();
    assertThat(caseFiles.findByCaseNumber(recent.caseNumber())).isPresent();
    assertThat(jdbc.sql("select count(*) from case_erasure where kind = 'RETENTION_ENDED'").query(Long.class)
        .single()).isPositive();
  }

  @Test
  void shouldKeepTheEnginesHistoryExactlyAsLongAsClosedCaseFiles() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
        .extracting(ProcessDefinition::getHistoryTimeToLive).containsOnly(3650);
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().list())
        .extracting(DecisionDefinition::getHistoryTimeToLive).containsOnly(3650);
    try {
      assertThat(historyRetention.apply(400)).isPositive();
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
          .extracting(ProcessDefinition::getHistoryTimeToLive).containsOnly(400);
    } finally {
      historyRetention.apply(3650);
    }
  }

  private CaseFile listed() {
    ChildListing child = new ChildListing("Lò Văn " + unique(), LocalDate.now().minusYears(4), Sex.MALE, "Thái", null,
        "Thôn Nà Pàn", "MAIPHA", ConditionGroup.MOTOR, "Lò Thị Mai", CaregiverRelation.MOTHER, null);
    return caseFiles.getByProcessInstance(driver.list("cbmaipha", child).getId());
  }

  private static String unique() {
    StringBuilder word = new StringBuilder("Xuân");
    for (int i = 0; i < 7; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }

  /** A PDF that passes the document check, the child's details in its last line (a comment after %%EOF). */
  private static byte[] pdfNaming(String details) throws java.io.IOException {
    try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
      pdf.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      pdf.save(out);
      out.write(("%" + details + "\n").getBytes(StandardCharsets.UTF_8));
      return out.toByteArray();
    }
  }
}
