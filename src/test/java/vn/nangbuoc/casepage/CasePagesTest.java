package vn.nangbuoc.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.MatchResult;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.audit.CaseAccessLog;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/** The case list and the page per child, as caseworkers, inspectors and strangers to the commune use them. */
@NangBuocSpringTest
class CasePagesTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  CaseAccessLog accessLog;
  @Autowired
  FundBooks ledger;

  PageBrowser pages;
  PathwayDriver driver;

  @BeforeEach
  void setUp() {
    pages = new PageBrowser(http);
    driver = new PathwayDriver(engine, listing);
  }

  @Test
  void shouldFindAChildByHerNameWithoutDiacriticsOnlyInTheCommunesOfTheUser() {
    String given = uniqueGivenName();
    CaseFile file = list("Nguyễn Thị Ánh " + given);

    String session = pages.login("cbmaipha");
    String found = search(session, "q", "nguyen thi anh " + given.toLowerCase()).getBody();
    assertThat(found).contains(file.caseNumber(), "Nguyễn Thị Ánh " + given, "Tìm thấy 1 hồ sơ.");
    assertThat(found).as("the commune by its name, not its code").contains("<td>Xã Mai Pha</td>")
        .doesNotContain("<td>MAIPHA</td>");
    assertThat(search(session, "so", file.caseNumber().toLowerCase()).getBody()).contains(file.caseNumber());

    String elsewhere = search(pages.login("cbhoangdong"), "q", given).getBody();
    assertThat(elsewhere).doesNotContain(file.caseNumber()).contains("Tìm thấy 0 hồ sơ.");
  }

  @Test
  void shouldKeepNamesAndPersonalIdsOutOfEveryUrlOfTheList() {
    String given = uniqueGivenName();
    String personalId = PathwayDriver.randomPersonalId();
    for (int i = 0; i < CaseListPages.PAGE_SIZE + 1; i++) {
      // born on different days: not likely duplicates of each other
      list("Lộc Thị " + given, i == 0 ? personalId : null, i);
    }
    String session = pages.login("cbmaipha");

    String byName = search(session, "q", "loc thi " + given.toLowerCase()).getBody();
    String byId = search(session, "cccd", personalId).getBody();

    assertThat(byName).contains("Tìm thấy " + (CaseListPages.PAGE_SIZE + 1) + " hồ sơ.", "Trang 1/2");
    assertThat(byId).contains("Tìm thấy 1 hồ sơ.");
    for (String page : List.of(byName, byId)) {
      assertThat(Pattern.compile("<form[^>]*method=\"get\"").matcher(page).find()).as("a GET form").isFalse();
      Matcher links = Pattern.compile("(?:href|action)=\"([^\"]*)\"").matcher(page);
      while (links.find()) {
        assertThat(HtmlUtils.htmlUnescape(links.group(1))).doesNotContainIgnoringCase(given)
            .doesNotContain(personalId, "q=", "cccd=", "so=");
      }
    }
    // the pager repeats the search in a POST body
    MultiValueMap<String, String> next = new LinkedMultiValueMap<>();
    next.add("_csrf", PageBrowser.csrfToken(byName));
    next.add("q", "loc thi " + given.toLowerCase());
    next.add("trang", "2");
    assertThat(pages.post(session, "/ho-so", next).getBody()).contains("Trang 2/2");
    // a name in the URL is no search: the list does not filter by it (the newest child, of another name, shows)
    CaseFile other = list("Hà Văn " + uniqueGivenName());
    assertThat(pages.get(session, "/ho-so?q=" + given).getBody()).contains(other.caseNumber());
  }

  @Test
  void shouldLogEachChildTheListShows() {
    CaseFile file = list("Đinh Văn " + uniqueGivenName());
    int readsBefore = accessLog.of(file.id()).size();

    String page = search(pages.login("thanhtra"), "so", file.caseNumber()).getBody();

    assertThat(page).contains(file.caseNumber());
    // the list page that carried the form showed the newest children too: each showing is one read
    assertThat(accessLog.of(file.id()).subList(readsBefore, accessLog.of(file.id()).size())).isNotEmpty()
        .allSatisfy(read -> {
          assertThat(read.userId()).isEqualTo("thanhtra");
          assertThat(read.channel()).isEqualTo(CaseAccessLog.Channel.LIST);
        });
  }

  /** The list's search form, submitted as the browser does: by POST, with the page's token. */
  private ResponseEntity<String> search(String session, String field, String value) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", PageBrowser.csrfToken(pages.get(session, "/ho-so").getBody()));
    form.add(field, value);
    ResponseEntity<String> answer = pages.post(session, "/ho-so", form);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer;
  }

  @Test
  void shouldShowTheWholeCaseWithItsOpenTaskAndHistoryAndLogTheRead() {
    CaseFile file = list("Hoàng Văn " + uniqueGivenName());
    ProcessInstance pathway = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(file.processInstanceId()).singleResult();
    driver.review(pathway, "ACCEPT");
    int readsBefore = accessLog.of(file.id()).size();

    ResponseEntity<String> response = pages.get(pages.login("thanhtra"), "/ho-so/" + file.id());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    String page = response.getBody();
    String screeningTask = engine.getTaskService().createTaskQuery().processInstanceId(pathway.getId())
        .singleResult().getId();
    assertThat(page).contains(file.fullName(), file.caseNumber(), "Thôn Pò Mỏ", "Người chăm sóc", "Nguyễn Thị Bích",
        "Bước hiện tại: Ghi kết quả khám sàng lọc", "Lịch sử", "Lập danh sách, mở hồ sơ",
        "Kết quả rà soát", "Trần Thị Lan", "Hoàn thành công việc");
    assertThat(page).as("people by their names, not their logins").doesNotContain("cvldtbxh");
    assertThat(page).as("an inspector reads, does not edit and opens no task in Tasklist")
        .doesNotContain("Sửa thông tin", "/trang/viec/" + screeningTask);
    assertThat(accessLog.of(file.id())).hasSize(readsBefore + 1)
        .last().satisfies(read -> {
          assertThat(read.userId()).isEqualTo("thanhtra");
          assertThat(read.channel()).isEqualTo(CaseAccessLog.Channel.CASE_PAGE);
        });
  }

  @Test
  void shouldWriteTheHistoryAsPeopleReadItNotAsTheDatabaseHoldsIt() {
    CaseFile file = list("Lò Văn " + uniqueGivenName());
    ProcessInstance pathway = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(file.processInstanceId()).singleResult();
    String reviewTask = driver.task(pathway).getId();
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");

    String page = pages.get(pages.login("thanhtra"), "/ho-so/" + file.id()).getBody();

    String today = java.time.LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    assertThat(page).contains("Đủ điều kiện khám sàng lọc", "Có chỉ định phẫu thuật", today,
        "Trần Thị Lan", "Phạm Văn Đức", "Nguyễn Thị Hoa", "Rà soát, tổng hợp danh sách");
    assertThat(page).doesNotContain(">ACCEPT<", ">SURGERY<", ">CLEFT_LIP_PALATE<", reviewTask, ", cbmaipha<",
        java.time.LocalDate.now().toString());
  }

  @Test
  void shouldShowTheMoneyOfTheChildsOwnFundingRequestOnly() {
    CaseFile file = list("Mã Thị " + uniqueGivenName());
    CaseFile other = list("Mã Văn " + uniqueGivenName());
    fundAndPay(file, 7_300_000);
    fundAndPay(other, 8_400_000);
    long request = ledger.requestsOfCase(file.id()).get(0).id();
    long otherRequest = ledger.requestsOfCase(other.id()).get(0).id();

    String page = pages.get(pages.login("thanhtra"), "/ho-so/" + file.id()).getBody();

    String history = page.substring(page.indexOf("<section id=\"lich-su\">"));
    history = history.substring(0, history.indexOf("</section>"));
    List<String> fundItems = Pattern.compile("<li>(?:(?!</li>).)*?class=\"what\">Quỹ: .*?</li>", Pattern.DOTALL)
        .matcher(history).results().map(MatchResult::group).toList();
    assertThat(fundItems).hasSize(2)
        .anySatisfy(item -> assertThat(item).contains(">Quỹ: Giữ kinh phí<"))
        .anySatisfy(item -> assertThat(item).contains(">Quỹ: Chi<"))
        .allSatisfy(item -> assertThat(item).contains("<dt>Số tiền</dt><dd>7.300.000 đồng</dd>",
            "<dt>Đề nghị số</dt><dd>" + request + "</dd>"));
    assertThat(page).doesNotContain("<dd>" + otherRequest + "</dd>", "8.400.000");
  }

  private void fundAndPay(CaseFile file, long cost) {
    ProcessInstance pathway = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(file.processInstanceId()).singleResult();
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");
    driver.prepareReferral("cvldtbxh", pathway, cost, true);
    driver.approve("tpldtbxh", pathway, "APPROVED");
    driver.disburse(pathway, cost);
  }

  @Test
  void shouldNotShowACaseOutsideTheUsersArea() {
    CaseFile file = list("Lý Thị " + uniqueGivenName());

    ResponseEntity<String> stranger = pages.get(pages.login("cbhoangdong"), "/ho-so/" + file.id());

    assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(stranger.getBody()).doesNotContain(file.fullName());
    ResponseEntity<String> anonymous = pages.get("JSESSIONID=none", "/ho-so/" + file.id());
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(anonymous.getHeaders().getLocation().getPath()).isEqualTo("/dang-nhap");
  }

  @Test
  void shouldSaveAnEditAndShowEveryChangedFieldInTheHistory() {
    CaseFile file = list("Đinh Văn " + uniqueGivenName());
    String session = pages.login("cbmaipha");
    MultiValueMap<String, String> form = editForm(session, file);
    form.set("address", "Thôn Khòn Chả, xã Mai Pha");
    form.set("householdStatus", "POOR");

    ResponseEntity<String> saved = pages.post(session, "/ho-so/" + file.id() + "/sua", form);

    assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(saved.getHeaders().getLocation().getPath()).isEqualTo("/ho-so/" + file.id());
    CaseFile after = caseFiles.get(file.id());
    assertThat(after.address()).isEqualTo("Thôn Khòn Chả, xã Mai Pha");
    assertThat(after.version()).isEqualTo(file.version() + 1);
    String page = pages.get(session, "/ho-so/" + file.id()).getBody();
    assertThat(page).contains("Sửa Địa chỉ", "Thôn Pò Mỏ", "Thôn Khòn Chả, xã Mai Pha", "Sửa Hoàn cảnh hộ gia đình",
        "Hộ nghèo");
  }

  @Test
  void shouldRefuseTheSecondOfTwoConcurrentEditsAndKeepWhatItsAuthorTyped() {
    CaseFile file = list("Chu Thị " + uniqueGivenName());
    String first = pages.login("cbmaipha");
    String second = pages.login("cbmaipha");
    MultiValueMap<String, String> firstForm = editForm(first, file);
    MultiValueMap<String, String> secondForm = editForm(second, file);
    firstForm.set("caregiverPhone", "0987654321");
    secondForm.set("address", "Bản Lòng Vài");

    assertThat(pages.post(first, "/ho-so/" + file.id() + "/sua", firstForm).getStatusCode())
        .isEqualTo(HttpStatus.FOUND);
    ResponseEntity<String> conflict = pages.post(second, "/ho-so/" + file.id() + "/sua", secondForm);

    assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(conflict.getBody()).contains("Hồ sơ vừa được người khác sửa", "value=\"Bản Lòng Vài\"",
        "Thông tin mới nhất đã được lưu", "0987654321");
    CaseFile after = caseFiles.get(file.id());
    assertThat(after.address()).as("the first edit is not overwritten").isEqualTo("Thôn Pò Mỏ");
    assertThat(caseFiles.caregiver(file.id()).orElseThrow().phone()).isEqualTo("0987654321");
  }

  @Test
  void shouldRefuseBadInputInVietnameseAndChangeNothing() {
    CaseFile file = list("La Văn " + uniqueGivenName());
    String session = pages.login("cbmaipha");
    MultiValueMap<String, String> form = editForm(session, file);
    form.set("dateOfBirth", "31/02/2020");
    form.set("personalId", "12345");

    ResponseEntity<String> refused = pages.post(session, "/ho-so/" + file.id() + "/sua", form);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Ngày sinh", "12 chữ số", "value=\"31/02/2020\"")
        .doesNotContain("Exception");
    assertThat(caseFiles.get(file.id()).version()).isEqualTo(file.version());
  }

  @Test
  void shouldLetOnlyCaseworkersEditAndRequireTheFormsToken() {
    CaseFile file = list("Vi Thị " + uniqueGivenName());
    String caseworker = pages.login("cbmaipha");
    MultiValueMap<String, String> form = editForm(caseworker, file);
    String inspector = pages.login("thanhtra");

    ResponseEntity<String> byInspector = pages.get(inspector, "/ho-so/" + file.id() + "/sua");
    assertThat(byInspector.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(byInspector.getBody()).contains("Chỉ cán bộ của ", " được sửa hồ sơ.");
    form.remove("_csrf");
    assertThat(pages.post(caseworker, "/ho-so/" + file.id() + "/sua", form).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(caseFiles.get(file.id()).version()).isEqualTo(file.version());
  }

  @Test
  void shouldRefuseMarkupOrTooLongTextInAnEditAndSaveNothing() {
    CaseFile file = list("Đinh Văn " + uniqueGivenName());
    String session = pages.login("cbmaipha");
    for (Map.Entry<String, String> typed : Map.of("address", "<a href=\"http://evil\">Đăng nhập</a>",
        "caregiverName", "[Đăng nhập](http://evil)", "ethnicity", "x".repeat(65), "address ", "y".repeat(400_000))
        .entrySet()) {
      MultiValueMap<String, String> form = editForm(session, file);
      form.set(typed.getKey().strip(), typed.getValue());

      ResponseEntity<String> refused = pages.post(session, "/ho-so/" + file.id() + "/sua", form);

      assertThat(refused.getStatusCode()).as(typed.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).containsAnyOf("không được chứa", "dài quá");
    }
    assertThat(caseFiles.get(file.id()).version()).isEqualTo(file.version());
  }

  private CaseFile list(String fullName) {
    return list(fullName, null, 0);
  }

  private CaseFile list(String fullName, String personalId, int daysOlder) {
    ChildListing child = new ChildListing(fullName, LocalDate.now().minusYears(6).minusDays(daysOlder), Sex.FEMALE,
        "Tày", personalId,
        "Thôn Pò Mỏ", "MAIPHA", ConditionGroup.CLEFT_LIP_PALATE, "Nguyễn Thị Bích", CaregiverRelation.MOTHER,
        "0912345678");
    return driver.as("cbmaipha", () -> listing.list(child, "cbmaipha"));
  }

  /** The edit form as the page fills it, read back from its inputs and selected options. */
  private MultiValueMap<String, String> editForm(String session, CaseFile file) {
    String page = pages.get(session, "/ho-so/" + file.id() + "/sua").getBody();
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    Matcher inputs = Pattern
        .compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(page);
    while (inputs.find()) {
      form.set(inputs.group(1), HtmlUtils.htmlUnescape(inputs.group(2)));
    }
    Matcher selects = Pattern
        .compile("<select name=\"([^\"]+)\">(.*?)</select>", Pattern.DOTALL).matcher(page);
    while (selects.find()) {
      Matcher chosen = Pattern.compile("<option value=\"([^\"]*)\" selected")
          .matcher(selects.group(2));
      form.set(selects.group(1), chosen.find() ? chosen.group(1) : "");
    }
    assertThat(form).containsKeys("_csrf", "version", "fullName", "sex", "caregiverRelation");
    return form;
  }

  /** Letters only, so it is a valid name, and unique, so no other test's child matches it. */
  static String uniqueGivenName() {
    StringBuilder name = new StringBuilder("Ân");
    for (int i = 0; i < 6; i++) {
      name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return name.toString();
  }
}
