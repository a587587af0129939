package vn.nangbuoc.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * Item 11 of issue 17: every free text has a length limit, markup is refused where free text comes
 * in, and a bad request answers 4xx in Vietnamese and changes nothing: one check per endpoint class.
 */
@NangBuocSpringTest
class FreeTextLimitsTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  /** Far over every field's limit, under the 1 MB any body to /api may have (RequestBodyLimit answers 413 above). */
  private static final String HUGE = "Gia đình chuyển đi nơi khác. ".repeat(20_000);

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  CaseFileService caseFiles;

  private PathwayDriver driver;

  @BeforeEach
  void setUp() {
    driver = new PathwayDriver(engine, listing);
  }

  @Test
  void shouldRefuseAHugeWithdrawalReasonAndRecordNothing() {
    CaseFile file = listed("Lò Văn " + unique(), null);

    ResponseEntity<Map<String, Object>> refused = post("cbmaipha", "/api/cases/" + file.id() + "/withdrawal",
        Map.of("reason", HUGE));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message"))
        .isEqualTo("Lý do gia đình rút khỏi chương trình dài quá 1000 ký tự.");
    assertThat(records(file, "Withdrawal")).isZero();
    assertThat(caseFiles.get(file.id()).status()).isEqualTo(file.status());
    assertThat(post("cbmaipha", "/api/cases/" + file.id() + "/withdrawal", Map.of("reason", "[Đăng nhập](http://x)"))
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void shouldRefuseTooLongOrMarkedUpFieldsOfTheCasesApi() {
    CaseFile file = listed("Lò Văn " + unique(), null);
    Map<String, Object> child = new LinkedHashMap<>(Map.of("fullName", "Lương Văn " + unique(), "dateOfBirth",
        "05/06/2020", "sex", "MALE", "address", "Thôn Khòn Khuyến", "conditionGroup", "CLEFT_LIP_PALATE",
        "caregiverName", "Lương Thị Hằng", "caregiverRelation", "MOTHER"));
    long before = count("case_file");

    Map<String, Map<String, Object>> refused = new LinkedHashMap<>();
    refused.put("/api/cases", with(child, "fullName", "<a href=\"http://evil\">Đăng nhập</a>"));
    refused.put("/api/cases ", with(child, "address", HUGE));
    refused.put("/api/cases/" + file.id() + "/move", Map.of("communeCode", HUGE));
    refused.forEach((path, body) -> {
      ResponseEntity<Map<String, Object>> answer = post("cbmaipha", path.strip(), body);

      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat((String) answer.getBody().get("message")).as(path).containsAnyOf("dài quá", "không được chứa");
    });
    assertThat(count("case_file")).isEqualTo(before);
    assertThat(caseFiles.get(file.id()).communeCode()).isEqualTo("MAIPHA");
  }

  @Test
  void shouldRefuseAHugeErasureReasonOnTheApiAndThePage() {
    CaseFile file = listed("Lò Văn " + unique(), null);

    ResponseEntity<Map<String, Object>> api = post("quantri", "/api/admin/case-erasures",
        Map.of("caseNumber", file.caseNumber(), "reason", HUGE));
    PageBrowser pages = new PageBrowser(http);
    String session = pages.login("quantri");
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", PageBrowser.csrfToken(pages.get(session, "/quan-tri/xoa-ho-so").getBody()));
    form.add("so", file.caseNumber());
    form.add("ly-do", "Theo quyết định " + "x".repeat(400_000));
    form.add("xac-nhan", "co");
    ResponseEntity<String> page = pages.post(session, "/quan-tri/xoa-ho-so", form);

    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) api.getBody().get("message")).contains("dài quá 1000 ký tự");
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(page.getBody()).contains("dài quá 1000 ký tự");
    assertThat(caseFiles.findByCaseNumber(file.caseNumber())).isPresent();
  }

  @Test
  void shouldRefuseAHugeMergeReasonAndMergeNothing() {
    String name = "Nguyễn Thị Ánh " + unique();
    CaseFile older = listed(name, null);
    CaseFile newer = listed(name, PathwayDriver.randomPersonalId());
    PageBrowser pages = new PageBrowser(http);
    String session = pages.login("cbmaipha");
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", PageBrowser.csrfToken(pages.get(session, "/ho-so/trung-lap").getBody()));
    form.add("giu", String.valueOf(older.id()));
    form.add("gop", String.valueOf(newer.id()));
    form.add("ly-do", "Cùng một trẻ " + "x".repeat(400_000));
    form.add("xac-nhan", "co");

    ResponseEntity<String> refused = pages.post(session, "/ho-so/trung-lap/gop", form);

    assertThat(refused.getStatusCode().is4xxClientError()).isTrue();
    assertThat(refused.getBody()).contains("Lý do gộp dài quá 1000 ký tự.");
    assertThat(caseFiles.get(newer.id()).mergedInto()).isNull();
  }

  @Test
  void shouldAnswerAReceiptForAnUnknownFundWith404() {
    long entries = count("fund_entry");

    ResponseEntity<Map<String, Object>> refused = post("cvtaichinh", "/api/funds/khong-co-quy/receipts", Map.of(
        "kind", "BUDGET", "amount", 1_000_000, "date", LocalDate.now().toString()));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(refused.getBody()).containsEntry("message", "Không có quỹ này: hãy chọn một quỹ trong danh sách.");
    assertThat(count("fund_entry")).isEqualTo(entries);
  }

  private CaseFile listed(String name, String personalId) {
    ChildListing child = new ChildListing(name, LocalDate.of(2020, 3, 4), Sex.FEMALE, "Tày", personalId,
        "Thôn Nà Pàn", "MAIPHA", ConditionGroup.MOTOR, "Lò Thị Mai", CaregiverRelation.MOTHER, null);
    return caseFiles.getByProcessInstance(driver.list("cbmaipha", child).getId());
  }

  private long records(CaseFile file, String step) {
    return jdbc.sql("select count(*) from case_step_record where case_id = ? and step = ?").params(file.id(), step)
        .query(Long.class).single();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(body);
    changed.put(field, value);
    return changed;
  }

  private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
    return http.withBasicAuth(user, "demo123").exchange(path, HttpMethod.POST, new HttpEntity<>(body), OBJECT);
  }

  private static String unique() {
    StringBuilder word = new StringBuilder("Xuân");
    for (int i = 0; i < 7; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }
}
