package vn.nangbuoc.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDFormFieldAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionRemoteGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Test;
import vn.nangbuoc.input.InvalidInputException;

/** A PDF is read as a viewer reads it: an action that runs or opens something is refused however it is written. */
class PdfCheckTest {

  static final CompressParameters PLAIN = CompressParameters.NO_COMPRESSION;
  static final CompressParameters OBJECT_STREAMS = CompressParameters.DEFAULT_COMPRESSION;

  /** Every spelling of a PDF that runs or opens something, by the name of what it does. */
  static Map<String, byte[]> active() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("script on opening", PdfFiles.made(document -> document.getDocumentCatalog()
        .setOpenAction(new PDActionJavaScript("app.alert(1)")), PLAIN));
    files.put("script, names hex-escaped", PdfFiles.handWrittenWithCatalog(
        "/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>"));
    files.put("launch, name hex-escaped", PdfFiles.handWrittenWithCatalog(
        "/OpenAction << /S /L#61unch /F (cmd.exe) >>"));
    files.put("web page on opening", PdfFiles.handWrittenWithCatalog(
        "/OpenAction << /S /URI /URI (http://dang-nhap.example/ldtbxh) >>"));
    files.put("named action", PdfFiles.handWrittenWithCatalog("/OpenAction << /S /Named /N /Print >>"));
    files.put("form sent away", PdfFiles.handWrittenWithCatalog(
        "/OpenAction 4 0 R", "<< /Type /Action /S /Submit#46orm /F << /FS /URL /F (http://x.example) >> >>"));
    files.put("script in a compressed object stream", PdfFiles.made(document -> document.getDocumentCatalog()
        .setOpenAction(new PDActionJavaScript("app.alert(1)")), OBJECT_STREAMS));
    files.put("link to a web page", PdfFiles.made(document -> {
      PDActionURI uri = new PDActionURI();
      uri.setURI("http://dang-nhap.example/ldtbxh");
      PDAnnotationLink link = new PDAnnotationLink();
      link.setAction(uri);
      annotate(document.getPage(0), link);
    }, OBJECT_STREAMS));
    files.put("launch when a page opens", PdfFiles.made(document -> {
      PDActionLaunch launch = new PDActionLaunch();
      launch.setFile(new PDComplexFileSpecification());
      PDPageAdditionalActions actions = new PDPageAdditionalActions();
      actions.setO(launch);
      document.getPage(0).setActions(actions);
    }, OBJECT_STREAMS));
    files.put("bookmark to another file", PdfFiles.made(document -> {
      PDOutlineItem bookmark = new PDOutlineItem();
      bookmark.setTitle("Xem thêm");
      bookmark.setAction(new PDActionRemoteGoTo());
      PDDocumentOutline outline = new PDDocumentOutline();
      outline.addLast(bookmark);
      document.getDocumentCatalog().setDocumentOutline(outline);
    }, OBJECT_STREAMS));
    files.put("script in the names tree", PdfFiles.made(document -> {
      PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
      scripts.setNames(Map.of("a", new PDActionJavaScript("app.alert(1)")));
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
      names.setJavascript(scripts);
      document.getDocumentCatalog().setNames(names);
    }, OBJECT_STREAMS));
    files.put("script of a form field", PdfFiles.made(document -> {
      PDAcroForm form = new PDAcroForm(document);
      document.getDocumentCatalog().setAcroForm(form);
      PDTextField field = new PDTextField(form);
      field.setPartialName("ten");
      PDFormFieldAdditionalActions actions = new PDFormFieldAdditionalActions();
      actions.setK(new PDActionJavaScript("event.rc = true;"));
      field.getCOSObject().setItem(COSName.AA, actions);
      PDAnnotationWidget widget = field.getWidgets().get(0);
      widget.setPage(document.getPage(0));
      annotate(document.getPage(0), widget);
      form.getFields().add(field);
    }, OBJECT_STREAMS));
    files.put("embedded file", PdfFiles.made(document -> {
      PDEmbeddedFilesNameTreeNode embedded = new PDEmbeddedFilesNameTreeNode();
      embedded.setNames(Map.of("a.exe", fileSpecification(document)));
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
      names.setEmbeddedFiles(embedded);
      document.getDocumentCatalog().setNames(names);
    }, OBJECT_STREAMS));
    files.put("file attached to a page", PdfFiles.made(document -> {
      PDAnnotationFileAttachment attachment = new PDAnnotationFileAttachment();
      attachment.setFile(fileSpecification(document));
      annotate(document.getPage(0), attachment);
    }, PLAIN));
    return files;
  }

  @Test
  void shouldRefuseEveryWayOfWritingAnActionThatRunsOrOpensSomething() {
    active().forEach((name, pdf) -> assertThatThrownBy(() -> PdfCheck.check(pdf)).as(name)
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("mã tự chạy, lệnh mở chương trình"));
    assertThat(new String(active().get("script in a compressed object stream"), StandardCharsets.ISO_8859_1))
        .as("nothing for a text search to find").doesNotContain("JavaScript");
  }

  @Test
  void shouldAcceptAPlainDocumentWithLinksInsideItself() {
    assertThatCode(() -> PdfCheck.check(PdfFiles.plain())).doesNotThrowAnyException();
    assertThatCode(() -> PdfCheck.check(PdfFiles.handWrittenWithCatalog(""))).as("the hand-written frame")
        .doesNotThrowAnyException();
    assertThatCode(() -> PdfCheck.check(PdfFiles.made(document -> { }, PLAIN))).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseWhatCannotBeCheckedWithAClearReason() throws IOException {
    byte[] encrypted;
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage());
      StandardProtectionPolicy policy = new StandardProtectionPolicy("chu", "", new AccessPermission());
      document.protect(policy);
      document.save(out);
      encrypted = out.toByteArray();
    }
    byte[] locked;
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.addPage(new PDPage());
      document.protect(new StandardProtectionPolicy("chu", "matkhau", new AccessPermission()));
      document.save(out);
      locked = out.toByteArray();
    }

    assertThatThrownBy(() -> PdfCheck.check(encrypted)).hasMessageContaining("có mật khẩu hoặc được mã hoá");
    assertThatThrownBy(() -> PdfCheck.check(locked)).hasMessageContaining("có mật khẩu hoặc được mã hoá");
    assertThatThrownBy(() -> PdfCheck.check("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"
        .getBytes(StandardCharsets.ISO_8859_1))).hasMessageContaining("Không đọc được tệp PDF");
  }

  @Test
  void shouldRefuseAStructureThatWouldExpandPastTheLimitFast() {
    byte[] bomb = PdfFiles.structureBomb(200);
    assertThat(bomb.length).isLessThan(1024 * 1024);

    long start = System.nanoTime();
    assertThatThrownBy(() -> PdfCheck.check(bomb)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("khi giải nén lớn hơn 32 MB");
    long millis = (System.nanoTime() - start) / 1_000_000;

    System.out.printf("PDF of %d bytes whose cross-reference inflates to 200 MB refused in %d ms%n", bomb.length,
        millis);
    assertThat(millis).isLessThan(2000);
    assertThatCode(() -> PdfCheck.check(PdfFiles.structureBomb(0))).as("the same frame, small")
        .doesNotThrowAnyException();
  }

  private static void annotate(PDPage page, org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation annotation) {
    try {
      page.getAnnotations().add(annotation);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PDComplexFileSpecification fileSpecification(PDDocument document) {
    try {
      PDEmbeddedFile file = new PDEmbeddedFile(document, new java.io.ByteArrayInputStream(new byte[] {'M', 'Z'}));
      PDComplexFileSpecification specification = new PDComplexFileSpecification();
      specification.setFile("a.exe");
      specification.setEmbeddedFile(file);
      return specification;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
