package vn.nangbuoc.casepage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
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
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.audit.CaseAccessLog;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * What an inspector does on the product's own pages: search the cases of the area by what happened in them, read
 * who read a case, and meet no button the server would refuse them.
 */
@NangBuocSpringTest
class AuditorPagesTest {

  // days as the office lives them: in Vietnam, whatever the zone of the machine
  private static final LocalDate VIETNAMESE_TODAY = LocalDate.now(VietnameseFormat.ZONE);
  private static final String TODAY = VIETNAMESE_TODAY.toString();
  private static final String TOMORROW = VIETNAMESE_TODAY.plusDays(1).toString();

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

  PageBrowser pages;
  PathwayDriver driver;

  @BeforeEach
  void setUp() {
    pages = new PageBrowser(http);
    driver = new PathwayDriver(engine, listing);
  }

  @Test
  void shouldFindTheCasesAManagerApprovedByAmountDateAndStepReachedOnlyInTheArea() {
    // an amount no other test approves: the search finds this child and no other
    long amount = 6_000_000 + ThreadLocalRandom.current().nextLong(1_000_000);
    CaseFile funded = list("Nông Văn " + CasePagesTest.uniqueGivenName());
    approve(funded, amount);
    String range = "tien-tu=" + amount + "&tien-den=" + amount;
    String inspector = pages.login("thanhtra");

    String byAmount = pages.get(inspector, "/ho-so?" + range).getBody();
    assertThat(byAmount).contains(funded.caseNumber(), "Tìm thấy 1 hồ sơ.");
    assertThat(found(inspector, range + "&nguoi-duyet=tpldtbxh")).contains(funded.caseNumber());
    assertThat(found(inspector, range + "&nguoi-duyet=pctubnd")).doesNotContain(funded.caseNumber());
    assertThat(found(inspector, "tien-tu=" + (amount + 1))).doesNotContain(funded.caseNumber());
    assertThat(found(inspector, range + "&theo-ngay=phe-duyet&tu-ngay=" + TODAY + "&den-ngay=" + TODAY))
        .contains(funded.caseNumber());
    assertThat(found(inspector, range + "&theo-ngay=phe-duyet&tu-ngay=" + TOMORROW))
        .doesNotContain(funded.caseNumber());
    assertThat(found(inspector, range + "&theo-ngay=dong-ho-so&tu-ngay=" + TODAY))
        .as("the case is open: it has no closing date").doesNotContain(funded.caseNumber());
    String screening = "buoc=" + ChildPathway.TASK_RECORD_SCREENING;
    assertThat(found(inspector, range + "&" + screening)).as("waits on a later step")
        .doesNotContain(funded.caseNumber());
    assertThat(found(inspector, range + "&" + screening + "&da-qua=1")).contains(funded.caseNumber());
    // the approver is offered by name, the way the filters were chosen kept in the form
    assertThat(found(inspector, range + "&da-qua=1")).contains(">Đỗ Văn Hùng</option>",
        "name=\"da-qua\" value=\"1\" checked", "name=\"tien-tu\" value=\"" + amount + "\"");

    assertThat(pages.get(inspector, "/ho-so/" + funded.id()).getBody()).as("the approver by name")
        .contains("<td>Đỗ Văn Hùng</td>").doesNotContain("<td>tpldtbxh</td>");
    // a caseworker of another commune asking the same finds nothing
    assertThat(found(pages.login("cbhoangdong"), range)).doesNotContain(funded.caseNumber())
        .contains("Tìm thấy 0 hồ sơ.");
  }

  @Test
  void shouldKeepTheFiltersInTheUrlAndLogEachChildTheSearchShows() {
    long amount = 7_000_000 + ThreadLocalRandom.current().nextLong(1_000_000);
    CaseFile funded = list("Hà Thị " + CasePagesTest.uniqueGivenName());
    approve(funded, amount);
    String inspector = pages.login("thanhtra");
    int readsBefore = accessLog.of(funded.id()).size();

    MultiValueMap<String, String> form = form(inspector);
    form.add("tien-tu", String.format("%,d", amount).replace(',', '.'));
    form.add("tien-den", String.valueOf(amount));
    ResponseEntity<String> posted = pages.post(inspector, "/ho-so", form);

    assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    String url = posted.getHeaders().getLocation().toString();
    assertThat(url).contains("/ho-so?", "tien-tu=", "tien-den=" + amount).doesNotContain("q=", "so=", "cccd=");
    assertThat(pages.get(inspector, url.substring(url.indexOf("/ho-so"))).getBody())
        .contains(funded.caseNumber(), "Tìm thấy 1 hồ sơ.");
    assertThat(accessLog.of(funded.id()).subList(readsBefore, accessLog.of(funded.id()).size())).isNotEmpty()
        .allSatisfy(read -> {
          assertThat(read.userId()).isEqualTo("thanhtra");
          assertThat(read.channel()).isEqualTo(CaseAccessLog.Channel.LIST);
        });
  }

  @Test
  void shouldFindClosedCasesByTheirOutcomeAndShowItInWords() {
    String given = CasePagesTest.uniqueGivenName();
    CaseFile closed = list("Lục Thị " + given);
    driver.review(pathway(closed), "NOT_ELIGIBLE");
    String inspector = pages.login("thanhtra");

    assertThat(search(inspector, given, "ket-qua", "NOT_ELIGIBLE")).contains(closed.caseNumber(), "Tìm thấy 1 hồ sơ.");
    assertThat(search(inspector, given, "ket-qua", "NO_FUNDING")).doesNotContain(closed.caseNumber());
    assertThat(search(inspector, given, "theo-ngay", "dong-ho-so")).contains(closed.caseNumber());

    String page = pages.get(inspector, "/ho-so/" + closed.id()).getBody();
    assertThat(page).contains("Kết quả: Không đủ điều kiện của chương trình").doesNotContain("NOT_ELIGIBLE");
  }

  @Test
  void shouldRefuseAnAmountThatIsNoNumberInVietnamese() {
    ResponseEntity<String> refused = pages.get(pages.login("thanhtra"), "/ho-so?tien-tu=nam-trieu");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Số tiền phê duyệt “từ” phải là một số đồng", "value=\"nam-trieu\"",
        "Tìm thấy 0 hồ sơ.").doesNotContain("Exception");
  }

  @Test
  void shouldShowWhoReadACaseByNameAndChannelToTheInspectorOnly() {
    CaseFile file = list("Vy Văn " + CasePagesTest.uniqueGivenName());
    String caseworker = pages.login("cbmaipha");
    String inspector = pages.login("thanhtra");
    pages.get(caseworker, "/ho-so/" + file.id());
    String casePage = pages.get(inspector, "/ho-so/" + file.id()).getBody();
    assertThat(casePage).contains("/ho-so/" + file.id() + "/nhat-ky-truy-cap");

    ResponseEntity<String> log = pages.get(inspector, "/ho-so/" + file.id() + "/nhat-ky-truy-cap");

    assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
    String today = VIETNAMESE_TODAY.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    assertThat(log.getBody()).contains("Nhật ký truy cập hồ sơ", file.caseNumber(), "Có 2 lượt xem",
        "<td>Nguyễn Thị Hoa</td>", "<td>Mã Văn Tâm</td>", "<td>Trang hồ sơ</td>", today)
        .doesNotContain("CASE_PAGE", "<td>cbmaipha</td>", "<td>thanhtra</td>", file.fullName());

    assertThat(pages.get(caseworker, "/ho-so/" + file.id()).getBody()).doesNotContain("nhat-ky-truy-cap");
    ResponseEntity<String> refused = pages.get(caseworker, "/ho-so/" + file.id() + "/nhat-ky-truy-cap");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).contains("Chỉ cán bộ của ", " và quản trị viên được xem nhật ký truy cập hồ sơ.")
        .doesNotContain(file.caseNumber());
  }

  @Test
  void shouldShowTheInspectorNoControlTheServerWouldRefuse() {
    CaseFile file = list("Hứa Thị " + CasePagesTest.uniqueGivenName());
    driver.review(pathway(file), "ACCEPT");
    String screeningTask = driver.task(pathway(file)).getId();

    String byInspector = pages.get(pages.login("thanhtra"), "/ho-so/" + file.id()).getBody();
    String byCaseworker = pages.get(pages.login("cbmaipha"), "/ho-so/" + file.id()).getBody();
    String byDoctor = pages.get(pages.login("bsttyt"), "/ho-so/" + file.id()).getBody();

    assertThat(byInspector).contains("Ghi kết quả khám sàng lọc")
        .doesNotContain("Sửa thông tin", "/sua", "Thêm tài liệu", "/trang/viec/" + screeningTask);
    assertThat(byCaseworker).contains("Sửa thông tin", "Thêm tài liệu")
        .as("the doctors' task is not hers to open").doesNotContain("/trang/viec/" + screeningTask);
    assertThat(byDoctor).contains("/trang/viec/" + screeningTask);
    assertThat(pages.get(pages.login("thanhtra"), "/ho-so").getBody())
        .doesNotContain("Nhập danh sách từ tệp", "/ho-so/nhap", "/ho-so/trung-lap");
    assertThat(pages.get(pages.login("cbmaipha"), "/ho-so").getBody()).contains("Nhập danh sách từ tệp");
  }

  @Test
  void shouldNotOfferToEditAClosedCase() {
    CaseFile file = list("Sầm Văn " + CasePagesTest.uniqueGivenName());
    driver.review(pathway(file), "NOT_ELIGIBLE");

    String page = pages.get(pages.login("cbmaipha"), "/ho-so/" + file.id()).getBody();

    assertThat(page).contains("Đã đóng").doesNotContain("Sửa thông tin");
    assertThat(pages.get(pages.login("cbmaipha"), "/ho-so/" + file.id() + "/sua").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private String found(String session, String filters) {
    ResponseEntity<String> answer = pages.get(session, "/ho-so?" + filters);
    assertThat(answer.getStatusCode()).as(filters).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  /** A search by name (POST, as the form sends it) with one more filter. */
  private String search(String session, String name, String filter, String value) {
    MultiValueMap<String, String> form = form(session);
    form.add("q", name);
    form.add(filter, value);
    if (filter.equals("theo-ngay")) {
      form.add("tu-ngay", TODAY);
    }
    ResponseEntity<String> answer = pages.post(session, "/ho-so", form);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private MultiValueMap<String, String> form(String session) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", PageBrowser.csrfToken(pages.get(session, "/ho-so").getBody()));
    return form;
  }

  private void approve(CaseFile file, long amount) {
    ProcessInstance pathway = pathway(file);
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");
    driver.prepareReferral("cvldtbxh", pathway, amount, true);
    driver.approve("tpldtbxh", pathway, "APPROVED");
  }

  private ProcessInstance pathway(CaseFile file) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(file.processInstanceId())
        .singleResult();
  }

  private CaseFile list(String fullName) {
    ChildListing child = new ChildListing(fullName, LocalDate.now().minusYears(5), Sex.MALE, "Nùng", null,
        "Thôn Nà Chuông", "MAIPHA", ConditionGroup.CLEFT_LIP_PALATE, "Nông Thị Mến", CaregiverRelation.MOTHER,
        "0912345679");
    return driver.as("cbmaipha", () -> listing.list(child, "cbmaipha"));
  }
}
