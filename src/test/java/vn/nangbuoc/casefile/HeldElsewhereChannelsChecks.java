package vn.nangbuoc.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import org.springframework.web.util.HtmlUtils;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * Item 10 of issue 17, the channels the first fix left telling: Tasklist's start form and an edit of a
 * case's personal ID. A stranger commune typing the ID of a child listed elsewhere is told only what any
 * held listing is told (the same words for a child listed in one area or another), gets no second case
 * file and no change saved, and the office of the existing case finds the listing held (it is written in a
 * transaction of its own, which PostgreSQL must allow next to the engine's).
 */
abstract class HeldElsewhereChannelsChecks {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate http;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  ListingService listing;
  @Autowired
  ProcessEngine engine;
  @Autowired
  HeldListings held;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  OrganisationDirectory organisation;

  private PathwayDriver driver;
  private CaseFile inHoangDong;
  private CaseFile inDongKinh;

  @BeforeEach
  void setUp() {
    driver = new PathwayDriver(engine, listing);
    inHoangDong = caseFiles.getByProcessInstance(driver.list("cbhoangdong", child("HOANGDONG", personalId())).getId());
    inDongKinh = caseFiles.getByProcessInstance(driver.list("cbdongkinh", child("DONGKINH", personalId())).getId());
  }

  @Test
  void shouldHoldAStrangersStartFormListingAndAnswerAlikeWhereverTheChildIs() {
    String typedName = "Lục Văn " + uniqueWord();
    long casesBefore = jdbc.sql("select count(*) from case_file").query(Long.class).single();

    ResponseEntity<Map<String, Object>> hoangDong = startForm(typedName, inHoangDong.personalId());
    ResponseEntity<Map<String, Object>> dongKinh = startForm("Lục Văn " + uniqueWord(), inDongKinh.personalId());

    assertThat(hoangDong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(hoangDong.getBody()).containsEntry("message",
        "Đã nhận danh sách: " + maiPhasCoordinator() + " xác minh trước khi lập hồ sơ.");
    assertThat(dongKinh.getStatusCode()).isEqualTo(hoangDong.getStatusCode());
    assertThat(dongKinh.getBody()).isEqualTo(hoangDong.getBody());
    assertThat(String.valueOf(hoangDong.getBody()))
        .doesNotContain("địa bàn khác", inHoangDong.caseNumber(), "Hoàng Đồng");
    assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single()).isEqualTo(casesBefore);
    assertHeldFor("HOANGDONG", typedName, HeldListings.Source.START_FORM);
  }

  @Test
  void shouldAnswerTheStartFormWithTheWordsOfTheApisHeldListing() {
    ResponseEntity<Map<String, Object>> api = http.withBasicAuth("cbmaipha", "demo123").exchange("/api/cases",
        HttpMethod.POST, new HttpEntity<>(apiBody("Lục Văn " + uniqueWord(), inDongKinh.personalId())), OBJECT);
    ResponseEntity<Map<String, Object>> start = startForm("Lục Văn " + uniqueWord(), inDongKinh.personalId());

    assertThat(api.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(api.getBody()).containsEntry("message", start.getBody().get("message"));
  }

  @Test
  void shouldHoldAnEditToAPersonalIdListedElsewhereSaveNothingAndAnswerAlikeWhereverTheChildIs() {
    CaseFile own = driver.as("cbmaipha", () -> listing.list(child("MAIPHA", null), "cbmaipha"));
    PageBrowser pages = new PageBrowser(http);
    String session = pages.login("cbmaipha");

    ResponseEntity<String> hoangDong = edit(pages, session, own, inHoangDong.personalId());
    ResponseEntity<String> dongKinh = edit(pages, session, own, inDongKinh.personalId());

    assertThat(hoangDong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(dongKinh.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(errorOf(hoangDong.getBody())).isEqualTo(heldEdit())
        .isEqualTo(errorOf(dongKinh.getBody()));
    assertThat(hoangDong.getBody()).doesNotContain("địa bàn khác", inHoangDong.caseNumber(), "Hoàng Đồng");
    CaseFile after = caseFiles.get(own.id());
    assertThat(after.personalId()).isNull();
    assertThat(after.version()).isEqualTo(own.version());
    assertHeldFor("HOANGDONG", own.fullName(), HeldListings.Source.EDIT);
    assertHeldFor("DONGKINH", own.fullName(), HeldListings.Source.EDIT);
  }

  @Test
  void shouldHoldAReturnedListingCompletedWithAPersonalIdListedElsewhere() {
    ProcessInstance pathway = driver.listEligibleChild();
    driver.review(pathway, "RETURN");
    Task completion = driver.task(pathway);
    String typedName = "Lục Văn " + uniqueWord();
    Map<String, Object> variables = new LinkedHashMap<>();
    Map<String, Object> typed = new LinkedHashMap<>(apiBody(typedName, inHoangDong.personalId()));
    typed.remove("communeCode");
    typed.forEach((name, value) -> variables.put("record_" + name, Map.of("value", value)));

    ResponseEntity<Map<String, Object>> refused = http.withBasicAuth("cbmaipha", "demo123").exchange(
        "/engine-rest/task/" + completion.getId() + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables)), OBJECT);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).containsEntry("message", heldEdit());
    assertThat(driver.task(pathway).getId()).isEqualTo(completion.getId());
    assertThat(caseFiles.getByProcessInstance(pathway.getId()).personalId()).isNotEqualTo(inHoangDong.personalId());
    assertHeldFor("HOANGDONG", typedName, HeldListings.Source.EDIT);
  }

  @Test
  void shouldStillNameTheCaseToTheCaseworkerWhoSeesIt() {
    CaseFile own = driver.as("cbhoangdong", () -> listing.list(child("HOANGDONG", null), "cbhoangdong"));
    PageBrowser pages = new PageBrowser(http);

    ResponseEntity<String> refused = edit(pages, pages.login("cbhoangdong"), own, inHoangDong.personalId());

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains(inHoangDong.caseNumber());
    assertThat(held.openIn(List.of("HOANGDONG"))).noneMatch(h -> h.fullName().equals(own.fullName()));
  }

  /** The lister's commune's coordinating agency, as the organisation data names it: never the other case's. */
  private String maiPhasCoordinator() {
    return organisation.responsibleAgency("CASE_COORDINATION", "STAFF", "MAIPHA").agencyName();
  }

  private String heldEdit() {
    return "Đã nhận số định danh cá nhân: " + maiPhasCoordinator() + " xác minh trước khi ghi vào hồ sơ."
        + " Chưa lưu thay đổi nào.";
  }

  private void assertHeldFor(String commune, String typedName, HeldListings.Source source) {
    assertThat(held.openIn(List.of(commune))).filteredOn(h -> h.fullName().equals(typedName))
        .singleElement().satisfies(h -> {
          assertThat(h.source()).isEqualTo(source);
          assertThat(h.communeCode()).isEqualTo("MAIPHA");
          assertThat(h.listedBy()).isEqualTo("cbmaipha");
        });
    assertThat(held.openIn(List.of("MAIPHA"))).noneMatch(h -> h.fullName().equals(typedName));
  }

  private ResponseEntity<Map<String, Object>> startForm(String fullName, String personalId) {
    Map<String, Object> variables = new LinkedHashMap<>();
    apiBody(fullName, personalId).forEach((name, value) -> variables.put("record_" + name, Map.of("value", value)));
    return http.withBasicAuth("cbmaipha", "demo123").exchange(
        "/engine-rest/process-definition/key/child-pathway/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables)), OBJECT);
  }

  private static Map<String, Object> apiBody(String fullName, String personalId) {
    return Map.of("fullName", fullName, "dateOfBirth", "05/06/2020", "sex", "MALE", "address", "Thôn Khòn Khuyến",
        "communeCode", "MAIPHA", "conditionGroup", "CLEFT_LIP_PALATE", "caregiverName", "Lục Thị Hằng",
        "caregiverRelation", "MOTHER", "personalId", personalId);
  }

  private ResponseEntity<String> edit(PageBrowser pages, String session, CaseFile file, String personalId) {
    String page = pages.get(session, "/ho-so/" + file.id() + "/sua").getBody();
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    Matcher inputs = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(page);
    while (inputs.find()) {
      form.set(inputs.group(1), HtmlUtils.htmlUnescape(inputs.group(2)));
    }
    Matcher selects = Pattern.compile("<select name=\"([^\"]+)\">(.*?)</select>", Pattern.DOTALL).matcher(page);
    while (selects.find()) {
      Matcher chosen = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(selects.group(2));
      form.set(selects.group(1), chosen.find() ? chosen.group(1) : "");
    }
    assertThat(form).containsKeys("_csrf", "version", "fullName");
    form.set("personalId", personalId);
    return pages.post(session, "/ho-so/" + file.id() + "/sua", form);
  }

  private static String errorOf(String page) {
    Matcher error = Pattern.compile("class=\"message[^\"]*\"[^>]*>([^<]*)<").matcher(page);
    assertThat(error.find()).as(page).isTrue();
    return error.group(1).strip();
  }

  private static ChildListing child(String commune, String personalId) {
    return new ChildListing("Lục Văn " + uniqueWord(), LocalDate.now().minusYears(6), Sex.MALE, "Tày", personalId,
        "Thôn Bản Chu", commune, ConditionGroup.CLEFT_LIP_PALATE, "Lục Thị Dung", CaregiverRelation.MOTHER,
        "0987000111");
  }

  private static String personalId() {
    return "0" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
  }

  private static String uniqueWord() {
    StringBuilder word = new StringBuilder("Ân");
    for (int i = 0; i < 7; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }
}
