package vn.nangbuoc.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.caseimport.ImportColumn;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.organisation.Capability;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * Every page controller answers what it refuses with the error page: 403 for a user without the right, 404 for
 * what does not exist (or not for them), 409 for an action the state no longer allows (where the page has no
 * place beside its button for it, see RefusalsAtTheButtonTest); each time with the refusal's own Vietnamese
 * sentence, as HTML, never JSON and never a stack trace.
 */
@NangBuocSpringTest
class PageRefusalsTest {

  private static final long NONE = 987_654_321L;

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  OrganisationDirectory organisation;

  PageBrowser pages;
  PathwayDriver driver;

  @BeforeEach
  void setUp() {
    pages = new PageBrowser(http);
    driver = new PathwayDriver(engine, listing);
  }

  @Test
  void shouldRefuseTheErasurePageToAnyoneButAnAdministrator() {
    assertRefused(pages.get(pages.login("cbmaipha"), "/quan-tri/xoa-ho-so"), HttpStatus.FORBIDDEN,
        "Chỉ quản trị viên được xóa hồ sơ.");
  }

  @Test
  void shouldRefuseTheCasePagesWithTheirOwnReasons() {
    CaseFile file = listMaiPhaChild();

    assertRefused(pages.get(pages.login("thanhtra"), "/ho-so/" + file.id() + "/sua"), HttpStatus.FORBIDDEN,
        "Chỉ cán bộ của " + listers() + " được sửa hồ sơ.");
    assertRefused(pages.get(pages.login("cbmaipha"), "/ho-so/" + NONE), HttpStatus.NOT_FOUND,
        "Không tìm thấy hồ sơ số " + NONE + ".");
    assertRefused(pages.get(pages.login("cbhoangdong"), "/ho-so/" + file.id()), HttpStatus.NOT_FOUND,
        "Không tìm thấy hồ sơ số " + file.id() + ".");
  }

  @Test
  void shouldRefuseADocumentThatIsNotThereAndAnAuditorsUpload() {
    CaseFile file = listMaiPhaChild();

    assertRefused(pages.get(pages.login("cbmaipha"), "/ho-so/" + file.id() + "/tai-lieu/" + NONE),
        HttpStatus.NOT_FOUND, "Hồ sơ này không có tài liệu số " + NONE + ".");
    String auditor = pages.login("thanhtra");
    String csrf = PageBrowser.csrfToken(pages.get(auditor, "/ho-so/" + file.id()).getBody());
    assertRefused(pages.upload(auditor, "/ho-so/" + file.id() + "/tai-lieu", csrf, "tep", "a.pdf",
        "%PDF-1.4".getBytes(StandardCharsets.US_ASCII)), HttpStatus.FORBIDDEN,
        "Cán bộ của " + organisation.kindsWith(Capability.AUDIT) + " chỉ xem hồ sơ, không thêm tài liệu.");
  }

  @Test
  void shouldRefuseImportsToNonCaseworkersAndAListThatIsNotThere() {
    assertRefused(pages.get(pages.login("thanhtra"), "/ho-so/nhap"), HttpStatus.FORBIDDEN,
        "Chỉ cán bộ của " + listers() + " được nhập danh sách trẻ.");
    String session = pages.login("cbmaipha");
    assertRefused(pages.get(session, "/ho-so/nhap/" + NONE), HttpStatus.NOT_FOUND,
        "Không có lượt nhập danh sách số " + NONE + ".");
  }

  @Test
  void shouldRefuseTheFundsBooksToCaseworkersAndAFundThatIsNotThere() {
    assertRefused(pages.get(pages.login("cbmaipha"), "/quy"), HttpStatus.FORBIDDEN,
        "Bạn không có quyền xem sổ của Quỹ.");
    assertRefused(pages.get(pages.login("thanhtra"), "/quy/KHONG-CO/so-cai"), HttpStatus.NOT_FOUND,
        "Không có quỹ KHONG-CO.");
  }

  @Test
  void shouldRefuseDuplicatesToNonCaseworkersAndAMergeOfAFileIntoItself() {
    assertRefused(pages.get(pages.login("thanhtra"), "/ho-so/trung-lap"), HttpStatus.FORBIDDEN,
        "Chỉ cán bộ của " + listers() + " được gộp hồ sơ.");
    CaseFile file = listMaiPhaChild();
    String session = pages.login("cbmaipha");
    String csrf = PageBrowser.csrfToken(pages.get(session, "/ho-so/trung-lap").getBody());

    assertRefused(pages.post(session, "/ho-so/trung-lap/cho-xac-minh/" + NONE, form(csrf)), HttpStatus.NOT_FOUND,
        "Không có danh sách chờ xác minh này trong địa bàn của bạn.");
    MultiValueMap<String, String> merge = form(csrf);
    merge.add("giu", String.valueOf(file.id()));
    merge.add("gop", String.valueOf(file.id()));
    assertRefused(pages.get(session, "/ho-so/trung-lap/gop?giu=" + file.id() + "&gop=" + file.id()),
        HttpStatus.CONFLICT, "Không gộp một hồ sơ vào chính nó.");
    merge.add("xac-nhan", "co");
    assertRefused(pages.post(session, "/ho-so/trung-lap/gop", merge), HttpStatus.CONFLICT,
        "Không gộp một hồ sơ vào chính nó.");
  }

  /** The kinds of agency that list children, as the organisation data names them. */
  private String listers() {
    return organisation.kindsWith(Capability.LIST_CHILDREN);
  }

  private static void assertRefused(ResponseEntity<String> answer, HttpStatus status, String message) {
    assertThat(answer.getStatusCode()).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType()).isNotNull()
        .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.TEXT_HTML)).isTrue());
    String page = HtmlUtils.htmlUnescape(answer.getBody());
    assertThat(page).contains("Không thực hiện được", message)
        .doesNotContain("Exception", "at vn.nangbuoc", "\"status\":");
  }

  private CaseFile listMaiPhaChild() {
    return driver.as("cbmaipha", () -> listing.list(PathwayDriver.child("MAIPHA", LocalDate.now().minusYears(5),
        ConditionGroup.CLEFT_LIP_PALATE), "cbmaipha"));
  }

  private static MultiValueMap<String, String> form(String csrf) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", csrf);
    return form;
  }

  /** One child, as a commune's list has it: a preview that can be decided once. */
  static byte[] oneChildList() {
    Map<ImportColumn, String> child = new EnumMap<>(ImportColumn.class);
    child.put(ImportColumn.FULL_NAME, "Hoàng Văn An");
    child.put(ImportColumn.DATE_OF_BIRTH, VietnameseFormat.date(LocalDate.now().minusYears(4)));
    child.put(ImportColumn.SEX, "Nam");
    child.put(ImportColumn.ADDRESS, "Thôn Khòn Chả");
    child.put(ImportColumn.COMMUNE, "Mai Pha");
    child.put(ImportColumn.CONDITION, "Sứt môi, hở hàm ếch");
    child.put(ImportColumn.CAREGIVER_NAME, "Nông Thị Hạnh");
    child.put(ImportColumn.CAREGIVER_RELATION, "Mẹ");
    return (line(Arrays.stream(ImportColumn.values()).map(ImportColumn::header))
        + line(Arrays.stream(ImportColumn.values()).map(column -> child.getOrDefault(column, ""))))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String line(Stream<String> cells) {
    return cells.map(cell -> "\"" + cell + "\"").collect(Collectors.joining(",")) + "\r\n";
  }
}
