package vn.nangbuoc.caseimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;

/** A commune's list from upload to case files, through the pages a caseworker uses. */
@NangBuocSpringTest
class CaseImportTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  CaseImportService imports;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  ListingService listing;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;

  PageBrowser pages;
  PathwayDriver driver;

  @BeforeEach
  void setUp() {
    pages = new PageBrowser(http);
    driver = new PathwayDriver(engine, listing);
  }

  @Test
  void shouldShowEveryRowsFateBeforeConfirmingAndThenCreateExactlyTheNewChildren() {
    CaseFile withId = listByHand("Lục Văn " + ListFiles.uniqueWord(), ListFiles.personalId(), LocalDate.of(2020, 5, 1));
    CaseFile withoutId = listByHand("Hoàng Thị " + ListFiles.uniqueWord(), null, LocalDate.of(2019, 8, 12));
    ListFiles list = new ListFiles();
    for (int i = 0; i < 40; i++) {
      list.add(ListFiles.child(i % 2 == 0));
    }
    Map<ImportColumn, String> model = ListFiles.child(true);
    list.add(model, ImportColumn.PERSONAL_ID, withId.personalId());                       // row 42: listed, same ID
    Map<ImportColumn, String> sameChild = new EnumMap<>(ListFiles.child(false));
    sameChild.put(ImportColumn.FULL_NAME, withoutId.fullName().toUpperCase()              // row 43: listed, no ID
        .replace("Ị", "I").replace("À", "A").replace("Â", "A"));
    sameChild.put(ImportColumn.DATE_OF_BIRTH, "12/08/2019");
    list.add(sameChild);
    Map<ImportColumn, String> twin = ListFiles.child(true);
    list.add(twin).add(twin, ImportColumn.ADDRESS, "Thôn khác");                           // rows 44, 45: same ID twice
    list.add(model, ImportColumn.FULL_NAME, null);                                         // 46: no name
    list.add(model, ImportColumn.DATE_OF_BIRTH, "31/02/2020");                             // 47: no such day
    list.add(model, ImportColumn.PERSONAL_ID, "12345678901");                              // 48: 11 digits
    list.add(model, ImportColumn.COMMUNE, "Hoàng Đồng");                                   // 49: outside the area
    list.add(model, ImportColumn.SEX, "Trai");                                             // 50: unknown choice
    list.add(model, ImportColumn.DATE_OF_BIRTH, VietnameseFormat.date(LocalDate.now().minusYears(19))); // 51: adult
    assertThat(list.size()).isEqualTo(50);
    String session = pages.login("cbmaipha");
    long listedBefore = caseCount();

    ResponseEntity<String> uploaded = upload(session, "danh-sach-mai-pha.csv", list.csv());

    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    String previewPath = uploaded.getHeaders().getLocation().getPath();
    long importId = Long.parseLong(previewPath.substring(previewPath.lastIndexOf('/') + 1));
    Map<Integer, RowResult> rows = rows(importId);
    assertThat(rows).hasSize(50);
    for (int row = 2; row <= 41; row++) {
      assertThat(rows.get(row).outcome()).as("row " + row).isEqualTo(RowOutcome.NEW);
    }
    assertThat(rows.get(42).outcome()).isEqualTo(RowOutcome.DUPLICATE);
    assertThat(rows.get(42).message()).contains(withId.caseNumber(), "cùng số định danh");
    assertThat(rows.get(43).message()).contains(withoutId.caseNumber(), "cùng họ tên, ngày sinh");
    assertThat(rows.get(44).outcome()).isEqualTo(RowOutcome.NEW);
    assertThat(rows.get(45).message()).isEqualTo("Cùng số định danh cá nhân với dòng 44 của tệp.");
    assertThat(rows.get(46).message()).contains("Chưa nhập họ và tên");
    assertThat(rows.get(47).message()).contains("Ngày sinh");
    assertThat(rows.get(48).message()).contains("12 chữ số");
    assertThat(rows.get(49).message()).contains("không thuộc địa bàn bạn phụ trách");
    assertThat(rows.get(50).message()).contains("\"Trai\": chọn một trong Nam, Nữ");
    assertThat(rows.get(51).message()).contains("18 tuổi");
    String preview = pages.get(session, previewPath).getBody();
    assertThat(preview).contains("Xác nhận tạo 41 hồ sơ", "Chờ xác nhận", withId.caseNumber());
    assertThat(caseCount()).as("a preview creates nothing").isEqualTo(listedBefore);

    ResponseEntity<String> confirmed = pages.submit(session, previewPath, previewPath + "/xac-nhan");

    assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(pages.get(session, previewPath).getBody()).contains("Đã tạo 41 hồ sơ mới", "Đã nhập");
    List<RowResult> created = imports.rows(importId, "cbmaipha").stream()
        .filter(row -> row.outcome() == RowOutcome.CREATED).toList();
    assertThat(created).hasSize(41);
    for (RowResult row : created) {
      CaseFile file = caseFiles.get(row.caseId());
      assertThat(file.processInstanceId()).as("pathway of row " + row.rowNumber()).isNotNull();
      assertThat(file.currentStep()).isEqualTo(ChildPathway.TASK_REVIEW_LISTING);
      assertThat(file.householdStatus()).isNotNull();
    }
    // the result still says who each row was, and keeps nothing else of what was typed
    String result = pages.get(session, previewPath).getBody();
    Map<ImportColumn, String> first = list.row(0);
    assertThat(result).contains(first.get(ImportColumn.FULL_NAME), first.get(ImportColumn.DATE_OF_BIRTH), "Mai Pha",
        sameChild.get(ImportColumn.FULL_NAME), "12/08/2019", created.get(0).caseNumber());
    assertThat(jdbc.sql("select cells from case_import_row where import_id = ?").param(importId)
        .query(String.class).list()).as("typed details other than who the row was go once decided")
        .allSatisfy(cells -> assertThat(cells).doesNotContain("personalId", "address", "caregiver", "sex"));

    ResponseEntity<String> again = upload(session, "danh-sach-mai-pha (1).csv", list.csv());
    String againPath = again.getHeaders().getLocation().getPath();
    long againId = Long.parseLong(againPath.substring(againPath.lastIndexOf('/') + 1));
    assertThat(rows(againId).values().stream().map(RowResult::outcome).collect(Collectors.groupingBy(o -> o,
        Collectors.counting()))).containsEntry(RowOutcome.DUPLICATE, 44L).containsEntry(RowOutcome.ERROR, 6L)
        .doesNotContainKey(RowOutcome.NEW);
    assertThat(pages.get(session, againPath).getBody()).contains("Tệp này đã được nhập ngày");
    long cases = caseCount();
    assertThat(imports.confirm(againId, "cbmaipha").createdCaseIds()).isEmpty();
    assertThat(caseCount()).isEqualTo(cases);
  }

  long casesBefore;

  @BeforeEach
  void countCases() {
    casesBefore = caseCount();
  }

  @Test
  void shouldReadAnXlsxListAndItsTemplate() throws Exception {
    String session = pages.login("cbmaipha");
    ResponseEntity<byte[]> template = http.exchange("/ho-so/nhap/mau.xlsx", org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(cookie(session)), byte[].class);
    assertThat(template.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<SourceRow> empty = readTemplateWithOneChild(template.getBody());
    assertThat(empty).hasSize(1);

    ListFiles list = new ListFiles().add(ListFiles.child(true)).add(ListFiles.child(false));
    long id = imports.preview("danh-sach.xlsx", list.xlsx(), "cbmaipha");

    assertThat(rows(id).values()).extracting(RowResult::outcome).containsOnly(RowOutcome.NEW);
  }

  @Test
  void shouldRefuseWhatIsNotAListAndWriteNothing() {
    long importsBefore = jdbc.sql("select count(*) from case_import").query(Long.class).single();
    byte[] header = new ListFiles().csv();
    Map<String, byte[]> refused = Map.of(
        "ho-so.pdf", "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1),
        "gia-mao.csv", new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, (byte) 0x89, 0x1A, 0},
        "gia-mao.xlsx", "Họ và tên,Ngày sinh\n".getBytes(StandardCharsets.UTF_8),
        "cu.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
        "rong.csv", new byte[0],
        "thieu-cot.csv", "Họ và tên,Ngày sinh\nNguyễn Văn An,01/01/2020\n".getBytes(StandardCharsets.UTF_8),
        "chi-tieu-de.csv", header,
        "ngoac.csv", (new String(header, StandardCharsets.UTF_8) + "\"Nguyễn Văn An,01/01/2020\n")
            .getBytes(StandardCharsets.UTF_8),
        "qua-lon.csv", new byte[5 * 1024 * 1024 + 1]);
    Map<String, String> messages = Map.of(
        "ho-so.pdf", "Chỉ nhận danh sách dạng .csv hoặc .xlsx",
        "gia-mao.csv", "Chỉ nhận danh sách dạng .csv hoặc .xlsx",
        "gia-mao.xlsx", "Chỉ nhận danh sách dạng .csv hoặc .xlsx",
        "cu.xls", "Excel 97–2003",
        "rong.csv", "Tệp rỗng",
        "thieu-cot.csv", "Tệp thiếu cột bắt buộc: Giới tính",
        "chi-tieu-de.csv", "chưa có trẻ nào",
        "ngoac.csv", "dấu ngoặc kép mở ở dòng 2",
        "qua-lon.csv", "lớn hơn giới hạn 5 MB");
    refused.forEach((name, content) -> assertThatThrownBy(() -> imports.preview(name, content, "cbmaipha"))
        .as(name).isInstanceOf(InvalidInputException.class).hasMessageContaining(messages.get(name)));
    assertThat(jdbc.sql("select count(*) from case_import").query(Long.class).single()).isEqualTo(importsBefore);

    String session = pages.login("cbmaipha");
    ResponseEntity<String> page = upload(session, "ho-so.pdf", refused.get("ho-so.pdf"));
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(page.getBody()).contains("Chỉ nhận danh sách dạng .csv hoặc .xlsx").doesNotContain("Exception");
  }

  @Test
  void shouldRefuseAListThatWouldExpandPastTheLimitOnThePageAndSaveNothing() {
    long importsBefore = jdbc.sql("select count(*) from case_import").query(Long.class).single();
    String session = pages.login("cbmaipha");

    ResponseEntity<String> bomb = upload(session, "danh-sach.xlsx", ListFileReaderTest.bomb());
    ResponseEntity<String> lying = upload(session, "danh-sach.xlsx",
        HandMadeXlsx.lyingAboutTheSheet(ListFileReaderTest.bomb(), 1000));

    for (ResponseEntity<String> page : List.of(bomb, lying)) {
      assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(page.getBody()).contains("Tệp Excel khi giải nén lớn hơn 50 MB").doesNotContain("Exception");
    }
    assertThat(jdbc.sql("select count(*) from case_import").query(Long.class).single()).isEqualTo(importsBefore);
  }

  @Test
  void shouldAnswerAnUploadBeyondEveryLimitWithAPageInVietnamese() {
    String session = pages.login("cbmaipha");

    ResponseEntity<String> page = upload(session, "qua-lon.csv", new byte[26 * 1024 * 1024]);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(page.getBody()).contains("Tệp quá lớn").doesNotContain("Exception");
  }

  @Test
  void shouldLeaveNothingBehindWhenTheDatabaseFailsInTheMiddleOfAnImport() {
    ListFiles list = new ListFiles();
    for (int i = 0; i < 5; i++) {
      list.add(ListFiles.child(true));
    }
    list.add(ListFiles.child(true), ImportColumn.CAREGIVER_NAME, FailOnCaregiver.NAME);
    long id = imports.preview("hong.csv", list.csv(), "cbmaipha");
    long pendingBefore = jdbc.sql("select count(*) from pending_pathway").query(Long.class).single();
    jdbc.sql("create trigger fail_on_caregiver before insert on case_caregiver for each row call \""
        + FailOnCaregiver.class.getName() + "\"").update();
    try {
      assertThatThrownBy(() -> imports.confirm(id, "cbmaipha")).isNotInstanceOf(InvalidInputException.class);
    } finally {
      jdbc.sql("drop trigger fail_on_caregiver").update();
    }

    assertThat(caseCount()).isEqualTo(casesBefore);
    assertThat(jdbc.sql("select count(*) from pending_pathway").query(Long.class).single()).isEqualTo(pendingBefore);
    assertThat(imports.get(id, "cbmaipha").status()).isEqualTo(CaseImport.Status.PREVIEWED);
    assertThat(imports.confirm(id, "cbmaipha").createdCaseIds()).as("the preview can still be confirmed").hasSize(6);
  }

  @Test
  void shouldLetOnlyTheUploaderDecideAndOnlyOnce() {
    long id = imports.preview("mot.csv", new ListFiles().add(ListFiles.child(true)).csv(), "cbmaipha");

    assertThatThrownBy(() -> imports.confirm(id, "cvldtbxh")).isInstanceOf(ForbiddenException.class);
    assertThat(imports.confirm(id, "cbmaipha").createdCaseIds()).hasSize(1);
    assertThatThrownBy(() -> imports.confirm(id, "cbmaipha")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("đã được xử lý");
    assertThatThrownBy(() -> imports.cancel(id, "cbmaipha")).isInstanceOf(InvalidInputException.class);
    ResponseEntity<String> inspector = pages.get(pages.login("thanhtra"), "/ho-so/nhap");
    assertThat(inspector.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void shouldCreateNothingWhenCancelled() {
    long id = imports.preview("huy.csv", new ListFiles().add(ListFiles.child(true)).csv(), "cbmaipha");
    String session = pages.login("cbmaipha");

    ResponseEntity<String> cancelled = pages.submit(session, "/ho-so/nhap/" + id, "/ho-so/nhap/" + id + "/huy");

    assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(imports.get(id, "cbmaipha").status()).isEqualTo(CaseImport.Status.CANCELLED);
    assertThat(caseCount()).isEqualTo(casesBefore);
  }

  @Test
  void shouldAcceptTheConditionLabelsTheListingFormShows() throws Exception {
    ListFiles list = new ListFiles();
    List<String> labels = formConditionLabels();
    assertThat(labels).contains("Khuyết tật vận động (biến dạng chân tay, vẹo cổ, vẹo/gù cột sống…)");
    labels.forEach(label -> list.add(ListFiles.child(false), ImportColumn.CONDITION, label));
    list.add(ListFiles.child(false), ImportColumn.CONDITION, "Khuyết tật vận động (biến dạng…");
    list.add(ListFiles.child(false), ImportColumn.CONDITION, "Khuyet tat van dong (bien dang chan tay)");
    list.add(ListFiles.child(false), ImportColumn.CONDITION, "Tật lạ " + "không có trong danh mục ".repeat(4));

    long id = imports.preview("dang-tat.csv", list.csv(), "cbmaipha");

    List<RowResult> rows = imports.rows(id, "cbmaipha");
    assertThat(rows.subList(0, rows.size() - 1)).extracting(RowResult::outcome).containsOnly(RowOutcome.NEW);
    assertThat(rows.get(rows.size() - 1).message()).contains("chọn một trong Sứt môi, hở hàm ếch")
        .doesNotContain("dài quá");
    imports.confirm(id, "cbmaipha");
    assertThat(imports.rows(id, "cbmaipha").subList(0, 3)).extracting(row -> caseFiles.get(row.caseId())
        .conditionGroup()).containsExactly(ConditionGroup.CLEFT_LIP_PALATE, ConditionGroup.MOTOR,
        ConditionGroup.BURN_SEQUELAE);

    // a day later the result forgets who each row was
    assertThat(imports.rows(id, "cbmaipha")).allSatisfy(row -> assertThat(row.cells()).isNotNull());
    jdbc.sql("update case_import set decided_at = ? where id = ?")
        .params(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))), id).update();
    imports.expireStale();
    assertThat(imports.rows(id, "cbmaipha")).allSatisfy(row -> assertThat(row.cells()).isNull());
  }

  /** The labels of the start form's condition choice, as a caseworker copies them into a list. */
  private static List<String> formConditionLabels() throws Exception {
    ClassLoader classes = CaseImportTest.class.getClassLoader();
    try (java.io.InputStream form = classes.getResourceAsStream("forms/child-listing.form")) {
      com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(form);
      List<String> labels = new java.util.ArrayList<>();
      root.get("components").forEach(component -> {
        if ("record_conditionGroup".equals(component.path("key").asText())) {
          component.get("values").forEach(value -> labels.add(value.get("label").asText()));
        }
      });
      return labels;
    }
  }

  private ResponseEntity<String> upload(String session, String name, byte[] content) {
    String csrf = PageBrowser.csrfToken(pages.get(session, "/ho-so/nhap").getBody());
    return pages.upload(session, "/ho-so/nhap", csrf, "tep", name, content);
  }

  private Map<Integer, RowResult> rows(long importId) {
    return imports.rows(importId, "cbmaipha").stream()
        .collect(Collectors.toMap(RowResult::rowNumber, row -> row));
  }

  private long caseCount() {
    return jdbc.sql("select count(*) from case_file").query(Long.class).single();
  }

  @Test
  void shouldRefuseARowWithMarkupOrTooLongText() {
    ListFiles list = new ListFiles()
        .add(ListFiles.child(true), ImportColumn.FULL_NAME, "<a href=\"http://evil\">Đăng nhập</a>")
        .add(ListFiles.child(true), ImportColumn.ADDRESS, "[Đăng nhập](http://evil)")
        .add(ListFiles.child(true), ImportColumn.CAREGIVER_NAME, "Nông Thị " + "a".repeat(300));

    long id = imports.preview("dau.csv", list.csv(), "cbmaipha");

    assertThat(imports.rows(id, "cbmaipha")).extracting(RowResult::outcome).containsOnly(RowOutcome.ERROR);
    assertThat(imports.rows(id, "cbmaipha")).extracting(RowResult::message)
        .allMatch(message -> message.contains("không được chứa") || message.contains("dài quá"));
  }

  private CaseFile listByHand(String name, String personalId, LocalDate born) {
    ChildListing child = new ChildListing(name, born, Sex.FEMALE, "Tày", personalId, "Thôn Pò Mỏ", "MAIPHA",
        ConditionGroup.MOTOR, "Nguyễn Thị Bích", CaregiverRelation.MOTHER, null);
    return driver.as("cbmaipha", () -> listing.list(child, "cbmaipha"));
  }

  private static org.springframework.http.HttpHeaders cookie(String session) {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.add(org.springframework.http.HttpHeaders.COOKIE, session);
    return headers;
  }

  /** The downloaded template, filled in with one child the way a commune would. */
  private static List<SourceRow> readTemplateWithOneChild(byte[] template) throws Exception {
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
        new java.io.ByteArrayInputStream(template))) {
      org.apache.poi.ss.usermodel.Row row = book.getSheetAt(0).createRow(1);
      ListFiles.child(true).forEach((column, value) -> row.createCell(column.ordinal()).setCellValue(value));
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      book.write(out);
      return ListFileReader.read("mau.xlsx", out.toByteArray(), 10);
    }
  }
}
