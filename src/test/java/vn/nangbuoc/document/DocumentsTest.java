package vn.nangbuoc.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.audit.CaseAccessLog;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/** Documents of a case: checked by their content, listed on the page, downloaded by those who may read the case. */
@NangBuocSpringTest
class DocumentsTest {

  static final byte[] PNG = bytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13},
      "IHDR ảnh chụp giấy đồng ý");
  /** A PDF as PDFBox writes it: a bare "%PDF-" with a catalog is no longer enough, the file is parsed. */
  static final byte[] PDF = PdfFiles.plain();

  @Autowired
  TestRestTemplate http;
  @Autowired
  DocumentService documents;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  CaseAccessLog accessLog;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;

  PageBrowser pages;
  CaseFile file;

  @BeforeEach
  void setUp() {
    pages = new PageBrowser(http);
    PathwayDriver driver = new PathwayDriver(engine, listing);
    file = caseFiles.getByProcessInstance(driver.list("cbmaipha",
        PathwayDriver.child("MAIPHA", LocalDate.now().minusYears(6), ConditionGroup.EYE)).getId());
  }

  @Test
  void shouldAttachOnTheCasePageAndDownloadExactlyWhatWasUploaded() {
    String session = pages.login("cbmaipha");
    String csrf = PageBrowser.csrfToken(pages.get(session, "/ho-so/" + file.id()).getBody());

    ResponseEntity<String> uploaded = pages.upload(session, "/ho-so/" + file.id() + "/tai-lieu?loai=CONSENT", csrf,
        "tep", "giay-dong-y.png", PNG);

    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    String page = pages.get(session, "/ho-so/" + file.id()).getBody();
    assertThat(page).contains("Đã thêm tài liệu", "giay-dong-y.png", "Giấy đồng ý của gia đình",
        "Thêm tài liệu: Giấy đồng ý của gia đình");
    CaseDocument document = documents.of(file.id()).get(0);
    int readsBefore = accessLog.of(file.id()).size();
    HttpHeaders cookie = new HttpHeaders();
    cookie.add(HttpHeaders.COOKIE, pages.login("thanhtra"));
    ResponseEntity<byte[]> download = http.exchange("/ho-so/" + file.id() + "/tai-lieu/" + document.id(),
        HttpMethod.GET, new HttpEntity<>(cookie), byte[].class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getBody()).isEqualTo(PNG);
    assertThat(download.getHeaders().getContentType().toString()).isEqualTo("image/png");
    assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
    assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(accessLog.of(file.id())).hasSize(readsBefore + 1).last()
        .satisfies(read -> assertThat(read.channel()).isEqualTo(CaseAccessLog.Channel.DOCUMENT));
  }

  @Test
  void shouldRefuseWhatIsNotAPdfJpegOrPngWhateverItsName() {
    byte[] program = bytes(new byte[] {'M', 'Z', (byte) 0x90, 0}, "This program cannot be run in DOS mode");
    byte[] activePdf = PdfCheckTest.active().get("script on opening");

    assertThatThrownBy(() -> documents.attach(file.id(), DocumentKind.PHOTO, "anh.jpg", program, "cbmaipha"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Chỉ nhận tài liệu PDF, ảnh JPG hoặc PNG");
    assertThatThrownBy(() -> documents.attach(file.id(), DocumentKind.MEDICAL_REPORT, "ket-qua.pdf", activePdf,
        "cbmaipha")).isInstanceOf(InvalidInputException.class).hasMessageContaining("mã tự chạy");
    assertThatThrownBy(() -> documents.attach(file.id(), DocumentKind.PHOTO, "rong.png", new byte[0], "cbmaipha"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("tệp rỗng");
    byte[] huge = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
    assertThatThrownBy(() -> documents.attach(file.id(), DocumentKind.OTHER, "lon.pdf", huge, "cbmaipha"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("lớn hơn giới hạn 10 MB");
    assertThat(documents.of(file.id())).isEmpty();

    String session = pages.login("cbmaipha");
    String csrf = PageBrowser.csrfToken(pages.get(session, "/ho-so/" + file.id()).getBody());
    pages.upload(session, "/ho-so/" + file.id() + "/tai-lieu?loai=PHOTO", csrf, "tep", "anh.jpg", program);
    assertThat(pages.get(session, "/ho-so/" + file.id()).getBody()).contains("Chỉ nhận tài liệu PDF, ảnh JPG hoặc PNG");
    assertThat(documents.of(file.id())).isEmpty();
  }

  @Test
  void shouldRefuseEveryPdfThatRunsOrOpensSomethingAndSaveNothing() {
    PdfCheckTest.active().forEach((name, pdf) -> assertThatThrownBy(() -> documents.attach(file.id(),
        DocumentKind.MEDICAL_REPORT, "ket-qua.pdf", pdf, "cbmaipha")).as(name)
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("không an toàn để lưu"));
    assertThatThrownBy(() -> documents.attach(file.id(), DocumentKind.MEDICAL_REPORT, "ket-qua.pdf",
        PdfFiles.structureBomb(200), "cbmaipha")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("khi giải nén lớn hơn 32 MB");
    assertThat(documents.of(file.id())).isEmpty();

    String session = pages.login("cbmaipha");
    String csrf = PageBrowser.csrfToken(pages.get(session, "/ho-so/" + file.id()).getBody());
    pages.upload(session, "/ho-so/" + file.id() + "/tai-lieu?loai=MEDICAL_REPORT", csrf, "tep", "ket-qua.pdf",
        PdfCheckTest.active().get("script, names hex-escaped"));
    assertThat(pages.get(session, "/ho-so/" + file.id()).getBody()).contains("không an toàn để lưu");
    assertThat(documents.of(file.id())).isEmpty();

    documents.attach(file.id(), DocumentKind.MEDICAL_REPORT, "ket-qua.pdf", PDF, "cbmaipha");
    assertThat(documents.of(file.id())).hasSize(1);
  }

  @Test
  void shouldKeepDocumentsFromThoseWhoMayNotReadTheCaseAndLetAuditorsOnlyRead() {
    long id = documents.attach(file.id(), DocumentKind.MEDICAL_REPORT, "C:\\Users\\hoa\\ket qua.pdf", PDF, "cbmaipha");
    assertThat(documents.of(file.id())).singleElement().satisfies(document -> {
      assertThat(document.fileName()).isEqualTo("ket qua.pdf");
      assertThat(document.type()).isEqualTo(DocumentType.PDF);
    });

    ResponseEntity<String> stranger = pages.get(pages.login("cbhoangdong"),
        "/ho-so/" + file.id() + "/tai-lieu/" + id);
    assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> wrongCase = pages.get(pages.login("cbmaipha"), "/ho-so/" + (file.id() + 100_000)
        + "/tai-lieu/" + id);
    assertThat(wrongCase.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThatThrownBy(() -> documents.attach(file.id(), DocumentKind.OTHER, "a.pdf", PDF, "thanhtra"))
        .isInstanceOf(ForbiddenException.class);
  }

  private static byte[] bytes(byte[] head, String tail) {
    byte[] rest = tail.getBytes(StandardCharsets.UTF_8);
    byte[] all = Arrays.copyOf(head, head.length + rest.length);
    System.arraycopy(rest, 0, all, head.length, rest.length);
    return all;
  }
}
