package vn.nangbuoc.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
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
import vn.nangbuoc.caseimport.CaseImportService;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * A form the server refuses on the product's pages shows the refusal beside the button that was pressed, where the
 * person is looking, and the address leads the browser there (#…): on the case page, the case's edit page, the
 * import and its preview, and the report's form. (The fund's corrections: FundCorrectionsTest.)
 */
@NangBuocSpringTest
class RefusalsAtTheButtonTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  CaseImportService imports;
  @Autowired
  CaseFileService caseFiles;

  PageBrowser pages;

  @BeforeEach
  void setUp() {
    pages = new PageBrowser(http);
  }

  @Test
  void shouldShowARefusedDocumentBesideTheCasePagesUploadButton() {
    CaseFile file = listMaiPhaChild();
    String session = pages.login("cbmaipha");
    String csrf = PageBrowser.csrfToken(pages.get(session, "/ho-so/" + file.id()).getBody());

    ResponseEntity<String> refused = pages.upload(session, "/ho-so/" + file.id() + "/tai-lieu", csrf, "tep",
        "giay-khai-sinh.pdf", "không phải PDF".getBytes(StandardCharsets.UTF_8));

    assertThat(refused.getHeaders().getLocation().toString()).endsWith("/ho-so/" + file.id() + "#them-tai-lieu");
    String page = pages.get(session, "/ho-so/" + file.id()).getBody();
    assertBesideTheButton(page, "<form[^>]*id=\"them-tai-lieu\"", "Thêm tài liệu");
  }

  @Test
  void shouldShowARefusedEditBesideTheSaveButton() {
    CaseFile file = listMaiPhaChild();
    String session = pages.login("cbmaipha");
    String form = pages.get(session, "/ho-so/" + file.id() + "/sua").getBody();
    // every field as the page sends it, the birth date a day that does not exist
    MultiValueMap<String, String> edit = new LinkedMultiValueMap<>();
    edit.add("_csrf", PageBrowser.csrfToken(form));
    edit.add("version", String.valueOf(file.version()));
    edit.add("fullName", file.fullName());
    edit.add("dateOfBirth", "31/02/2020");
    edit.add("sex", file.sex().name());
    edit.add("ethnicity", "Tày");
    edit.add("personalId", "");
    edit.add("address", file.address());
    edit.add("conditionGroup", file.conditionGroup().name());
    edit.add("householdStatus", "");
    edit.add("disabilityType", "");
    edit.add("disabilityLevel", "");
    edit.add("caregiverName", "Nguyễn Thị Bích");
    edit.add("caregiverRelation", "MOTHER");
    edit.add("caregiverPhone", "0912345678");

    ResponseEntity<String> refused = pages.post(session, "/ho-so/" + file.id() + "/sua", edit);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(form).contains("/ho-so/" + file.id() + "/sua#luu\"");
    assertBesideTheButton(refused.getBody(), "<p class=\"filters\" id=\"luu\">", "Lưu");
  }

  @Test
  void shouldRefuseAnEditWithFieldsMissingInVietnameseAndChangeNothing() {
    CaseFile file = listMaiPhaChild();
    String session = pages.login("cbmaipha");
    // not what a browser sends, but what a hand-made request may: the token and nothing else
    MultiValueMap<String, String> bare = new LinkedMultiValueMap<>();
    bare.add("_csrf", PageBrowser.csrfToken(pages.get(session, "/ho-so/" + file.id() + "/sua").getBody()));

    ResponseEntity<String> refused = pages.post(session, "/ho-so/" + file.id() + "/sua", bare);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("Biểu mẫu thiếu phiên bản của hồ sơ");
    assertBesideTheButton(refused.getBody(), "<p class=\"filters\" id=\"luu\">", "Lưu");
    assertThat(caseFiles.get(file.id()).version()).isEqualTo(file.version());
  }

  @Test
  void shouldShowARefusedUploadAndADecisionOnAListDecidedMeanwhileBesideTheirButtons() {
    String session = pages.login("cbmaipha");
    MultiValueMap<String, String> noFile = new LinkedMultiValueMap<>();
    noFile.add("_csrf", PageBrowser.csrfToken(pages.get(session, "/ho-so/nhap").getBody()));

    ResponseEntity<String> refusedUpload = pages.post(session, "/ho-so/nhap", noFile);

    assertThat(refusedUpload.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    String refusal = assertBesideTheButton(refusedUpload.getBody(), "<form id=\"tai-len\"", "Xem trước");
    assertThat(refusal).isEqualTo("Chưa chọn tệp danh sách để tải lên.");

    long id = imports.preview("da-huy.csv", PageRefusalsTest.oneChildList(), "cbmaipha");
    String preview = pages.get(session, "/ho-so/nhap/" + id).getBody();
    imports.cancel(id, "cbmaipha");
    MultiValueMap<String, String> confirm = new LinkedMultiValueMap<>();
    confirm.add("_csrf", PageBrowser.csrfToken(preview));
    ResponseEntity<String> refusedConfirm = pages.post(session, "/ho-so/nhap/" + id + "/xac-nhan", confirm);

    assertThat(preview).contains("/ho-so/nhap/" + id + "/xac-nhan#xac-nhan\"");
    assertThat(refusedConfirm.getHeaders().getLocation().toString()).endsWith("/ho-so/nhap/" + id + "#xac-nhan");
    String again = HtmlUtils.htmlUnescape(pages.get(session, "/ho-so/nhap/" + id).getBody());
    assertThat(again).containsPattern("<p class=\"message refusal\" id=\"xac-nhan\" role=\"alert\">Lượt nhập"
        + " \"da-huy.csv\" đã được xử lý trước đó");
  }

  @Test
  void shouldShowARefusedReportPeriodBesideTheReportButtonWithTheFormAsTyped() {
    String session = pages.login("cvldtbxh");

    ResponseEntity<String> refused = pages.get(session, "/bao-cao?unit=MAIPHA&from=31/02/2026");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(assertBesideTheButton(refused.getBody(), "<form class=\"filters\"", "Xem báo cáo"))
        .contains("không đúng dạng ngày");
    assertThat(refused.getBody()).contains("value=\"31/02/2026\"", "<option value=\"MAIPHA\" selected=\"selected\">")
        .doesNotContain("Tải Excel");
  }

  /**
   * The refusal is the next thing after the button (in the same form, or the row the button stands in), after
   * the form's beginning: returns its text.
   */
  private static String assertBesideTheButton(String page, String formStart, String button) {
    String html = HtmlUtils.htmlUnescape(page);
    var beside = Pattern.compile("(?s)" + formStart + ".*?<button type=\"submit\">" + Pattern.quote(button)
        + "</button>\\s*(?:</p>\\s*)?<p class=\"message refusal\" role=\"alert\">([^<]+)</p>").matcher(html);
    assertThat(beside.find()).as("a refusal beside \"" + button + "\" in " + html).isTrue();
    assertThat(html).as("one refusal only, beside the button").containsOnlyOnce("class=\"message");
    return beside.group(1).strip();
  }

  private CaseFile listMaiPhaChild() {
    return new PathwayDriver(engine, listing).as("cbmaipha", () -> listing.list(PathwayDriver.child("MAIPHA",
        LocalDate.now().minusYears(5), ConditionGroup.CLEFT_LIP_PALATE), "cbmaipha"));
  }
}
