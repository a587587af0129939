package vn.nangbuoc.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * Each count of the report page links to the case files it counts: following every link of several indicators (a
 * numerator, a denominator, a median's children, every row of every breakdown) lists exactly as many case files as
 * the number says, each in the access log; a commune's staff never list another commune's children however the
 * address is edited; publication hides small counts and their lists.
 */
@NangBuocSpringTest
class FigureCasesTest {

  private static final Pattern LINK = Pattern.compile("<a href=\"(/bao-cao/ho-so\\?[^\"]+)\">([^<]+)</a>");
  private static final Pattern COUNTED = Pattern.compile("Số liệu đếm <strong>(\\d+)</strong> hồ sơ");
  private static final Pattern CASE_ROW = Pattern.compile("<tr class=\"case\">\\s*<td[^>]*><a href=\"/ho-so/(\\d+)\"");
  private static final String RARE_ETHNICITY = "Si La";

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  JdbcTemplate jdbc;

  private CaseFile operated(String commune, String caseworker, Sex sex, int age, String ethnicity) {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ProcessInstance p = driver.list(caseworker, child("Lò Văn Danh Sách", commune, sex, age, ethnicity));
    driver.review(p, "ACCEPT");
    driver.screen(p, "SURGERY");
    driver.prepareReferral("cvldtbxh", p, 3_000_000, true);
    driver.approve("tpldtbxh", p, "APPROVED");
    driver.disburse(p, 3_000_000);
    driver.surgeryDone(p);
    return caseFiles.getByProcessInstance(p.getId());
  }

  private CaseFile listed(String name, String commune, String caseworker, Sex sex, int age, String ethnicity) {
    ProcessInstance p = new PathwayDriver(engine, listing).list(caseworker, child(name, commune, sex, age, ethnicity));
    return caseFiles.getByProcessInstance(p.getId());
  }

  private static ChildListing child(String name, String commune, Sex sex, int age, String ethnicity) {
    return new ChildListing(name, LocalDate.now().minusYears(age).minusDays(2), sex, ethnicity, null,
        "Thôn Nà Chuông", commune, ConditionGroup.CLEFT_LIP_PALATE, "Lò Thị Mẹ", CaregiverRelation.MOTHER,
        "0912000333");
  }

  @Test
  void shouldListBehindEachNumberExactlyTheCaseFilesItCounts() {
    assertEachListAsLongAsItsNumber("");
  }

  @Test
  void shouldListBehindEachNumberOfADateRangeExactlyTheCaseFilesItCounts() {
    int year = LocalDate.now().getYear();
    assertEachListAsLongAsItsNumber("&from=01/01/" + year + "&to=31/12/" + year);
  }

  /** For the plan year (no period given) or the days of {@code period}: each list as long as its number. */
  private void assertEachListAsLongAsItsNumber(String period) {
    operated("MAIPHA", "cbmaipha", Sex.FEMALE, 4, "Tày");
    operated("HOANGDONG", "cbhoangdong", Sex.MALE, 12, RARE_ETHNICITY);
    listed("Lò Thị Chờ Khám", "CHILANG", "cbchilang", Sex.FEMALE, 16, "Nùng");
    PageBrowser browser = new PageBrowser(http);
    String session = browser.login("cvldtbxh");
    String page = browser.get(session, "/bao-cao?unit=TPLANGSON" + period).getBody();
    assertThat(page).as("the period asked for").contains(period.isEmpty() ? "Năm kế hoạch" : "01/01/");

    Map<String, List<String[]>> linksById = new LinkedHashMap<>();
    for (String id : List.of("tre-lap-danh-sach", "phau-thuat-tre-co-chi-dinh", "so-ngay-den-phau-thuat",
        "da-phau-thuat", "tiep-can-dich-vu")) {
      linksById.put(id, links(section(page, id)));
    }
    List<String[]> checked = new ArrayList<>();
    linksById.forEach((id, links) -> {
      assertThat(links).as(id + " links its counts").isNotEmpty();
      for (String[] link : links) {
        assertThat(link[0]).as("the list keeps the period").contains(period.isEmpty() ? "year=" : "from=");
        assertThat(listed(browser, session, link[0])).as(id + ": " + link[0]).isEqualTo(number(link[1]));
        checked.add(link);
      }
    });
    assertThat(checked).as("the total, its denominator, and rows of every breakdown")
        .anyMatch(link -> link[0].contains("part=denominator"))
        .anyMatch(link -> !link[0].contains("&by="))
        .anyMatch(link -> link[0].contains("&by=sex&key=FEMALE"))
        .anyMatch(link -> link[0].contains("&by=age-band&key=11-15"))
        .anyMatch(link -> link[0].contains("&by=ethnicity&key=" + RARE_ETHNICITY.replace(' ', '+')))
        .anyMatch(link -> link[0].contains("&by=commune&key=HOANGDONG"))
        .anyMatch(link -> link[0].contains("&by=condition-group&key=CLEFT_LIP_PALATE"))
        .anyMatch(link -> link[0].contains("&by=source&key=FUND"));

    assertThat(links(section(page, "kinh-phi-phe-duyet"))).as("đồng count no children").isEmpty();
    assertThat(links(section(page, "viec-dung-han"))).as("tasks are no case files").isEmpty();
    assertThat(section(page, "tiep-can-dich-vu")).as("an entered population has no list")
        .doesNotContain("part=denominator");
  }

  @Test
  void shouldRecordEachChildListedInTheAccessLog() {
    CaseFile child = operated("MAIPHA", "cbmaipha", Sex.MALE, 7, "Dao");
    PageBrowser browser = new PageBrowser(http);
    String session = browser.login("cbmaipha");
    long before = reads(child.id(), "cbmaipha");
    String list = browser.get(session, "/bao-cao/ho-so?unit=MAIPHA&indicator=da-phau-thuat&part=numerator"
        + "&by=ethnicity&key=Dao").getBody();

    assertThat(list).contains(child.caseNumber(), child.fullName(), "Xã Mai Pha", "Ngày phẫu thuật",
        "Số trẻ em đã được phẫu thuật", "Dân tộc: Dao");
    assertThat(reads(child.id(), "cbmaipha") - before).as("the list is a read of the child's case").isEqualTo(1);
  }

  @Test
  void shouldNeverListAnotherCommunesChildrenHoweverTheAddressIsEdited() {
    // of an ethnicity no other test lists: the shared database holds more listed children than a page shows
    CaseFile mine = listed("Lò Văn Mai Pha", "MAIPHA", "cbmaipha", Sex.MALE, 6, "Pà Thẻn");
    CaseFile theirs = listed("Lò Văn Hoàng Đồng", "HOANGDONG", "cbhoangdong", Sex.MALE, 6, "Pà Thẻn");
    PageBrowser browser = new PageBrowser(http);
    String session = browser.login("cbmaipha");
    String base = "/bao-cao/ho-so?indicator=tre-lap-danh-sach&part=numerator";

    String own = browser.get(session, base + "&by=ethnicity&key=Pà Thẻn").getBody();
    assertThat(own).as("the commune's own list by default").contains(mine.caseNumber())
        .doesNotContain(theirs.caseNumber());
    for (String unit : List.of("HOANGDONG", "TPLANGSON", "LANGSON")) {
      ResponseEntity<String> refused = browser.get(session, base + "&unit=" + unit);
      assertThat(refused.getStatusCode()).as(unit).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(refused.getBody()).as(unit).contains("không được xem số liệu").doesNotContain(theirs.caseNumber());
    }
    for (String tampered : List.of("&unit=MAIPHA&by=commune&key=HOANGDONG", "&unit=MAIPHA&by=commune&key=",
        "&unit=MAIPHA&by=ethnicity&key=Kinh'+or+'1'='1", "&unit=MAIPHA&from=01/01/2000&to=31/12/2009")) {
      ResponseEntity<String> answer = browser.get(session, base + tampered);
      assertThat(answer.getStatusCode()).as(tampered).isEqualTo(HttpStatus.OK);
      assertThat(answer.getBody()).as(tampered).doesNotContain(theirs.caseNumber(), mine.caseNumber());
    }
    Map<String, String> bad = Map.of(
        "indicator=khong-co&part=numerator", "Không có chỉ tiêu mã",
        "indicator=tre-lap-danh-sach&part=ca-hai", "Tham số part",
        "indicator=tre-lap-danh-sach&part=numerator&by=agency&key=x", "không chia theo",
        "indicator=tre-lap-danh-sach&part=numerator&page=hai", "Số trang",
        "indicator=tre-lap-danh-sach&part=numerator&page=0", "Số trang");
    bad.forEach((query, message) -> {
      ResponseEntity<String> refused = browser.get(session, "/bao-cao/ho-so?" + query);
      assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).as(query).contains(message).doesNotContain("Exception");
    });
    for (String notCases : List.of("indicator=kinh-phi-phe-duyet&part=numerator",
        "indicator=viec-dung-han&part=numerator", "indicator=tiep-can-dich-vu&part=denominator",
        "indicator=tre-lap-danh-sach&part=denominator")) {
      ResponseEntity<String> refused = browser.get(session, "/bao-cao/ho-so?" + notCases);
      assertThat(refused.getStatusCode()).as(notCases).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).as(notCases).contains("không đếm hồ sơ trẻ em");
    }

    PageBrowser others = new PageBrowser(http);
    assertThat(others.get(others.login("quantri"), base + "&unit=MAIPHA").getStatusCode())
        .as("administrators read no child's data").isEqualTo(HttpStatus.FORBIDDEN);
    String auditor = others.get(others.login("thanhtra"), base + "&unit=TPLANGSON&by=ethnicity&key=Pà Thẻn")
        .getBody();
    assertThat(auditor).as("an auditor lists the children of the area").contains(mine.caseNumber(),
        theirs.caseNumber());
    ResponseEntity<String> anonymous = new PageBrowser(http).get("", base + "&unit=MAIPHA");
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(anonymous.getHeaders().getLocation().getPath()).isEqualTo("/dang-nhap");
  }

  @Test
  void shouldCountButNotNameACaseCarriedOnToACommuneOutsideTheReadersArea() {
    CaseFile carried = listed("Lò Thị Sáp Nhập", "MAIPHA", "cbmaipha", Sex.FEMALE, 9, "Tày");
    caseFiles.carryTo(carried.id(), "HOANGDONG");
    PageBrowser browser = new PageBrowser(http);
    String session = browser.login("cbmaipha");
    String page = browser.get(session, "/bao-cao?unit=MAIPHA").getBody();
    String[] total = links(section(page, "tre-lap-danh-sach")).stream().filter(link -> !link[0].contains("&by="))
        .findFirst().orElseThrow();

    String list = browser.get(session, URLDecoder.decode(total[0], StandardCharsets.UTF_8)).getBody();
    assertThat(counted(list)).as("the old commune still counts the case").isEqualTo(number(total[1]));
    assertThat(list).doesNotContain(carried.caseNumber())
        .contains("hồ sơ trong số đó nay thuộc xã/phường ngoài địa bàn của bạn");
  }

  @Test
  void shouldNeitherShowNorLinkSmallCountsForPublication() {
    listed("Lò Văn Hiếm", "MAIPHA", "cbmaipha", Sex.MALE, 3, RARE_ETHNICITY);
    for (int age = 1; age <= 5; age++) {
      listed("Lò Văn Đông", "MAIPHA", "cbmaipha", Sex.MALE, age, "Kinh");
    }
    PageBrowser browser = new PageBrowser(http);
    String session = browser.login("cbmaipha");
    String exact = section(browser.get(session, "/bao-cao?unit=MAIPHA").getBody(), "tre-lap-danh-sach");
    String published = section(browser.get(session, "/bao-cao?unit=MAIPHA&cong-bo=1").getBody(),
        "tre-lap-danh-sach");

    String rare = "&by=ethnicity&key=" + RARE_ETHNICITY.replace(' ', '+');
    assertThat(links(exact)).as("the exact page links the small row")
        .anyMatch(link -> link[0].endsWith(rare) && ReportFigures.small(number(link[1])));
    assertThat(published).doesNotContain(rare).contains(">&lt;5<");
    assertThat(links(published)).as("counts of 5 and more still link").isNotEmpty()
        .allMatch(link -> number(link[1]) >= 5);
  }

  // --- helpers ---

  /** How many case files the list behind a link names, page after page; it says it counts as many. */
  private long listed(PageBrowser browser, String session, String href) {
    String path = URLDecoder.decode(href, StandardCharsets.UTF_8);
    long rows = 0;
    for (int page = 1; ; page++) {
      ResponseEntity<String> answer = browser.get(session, path + "&page=" + page);
      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      Matcher row = CASE_ROW.matcher(answer.getBody());
      while (row.find()) {
        rows++;
      }
      if (!answer.getBody().contains("Trang sau →")) {
        assertThat(rows).as(path + ": as many named as counted, none outside the area here")
            .isEqualTo(counted(answer.getBody()));
        return rows;
      }
    }
  }

  private static long counted(String list) {
    Matcher matcher = COUNTED.matcher(list);
    assertThat(matcher.find()).as("the list says how many it counts").isTrue();
    return Long.parseLong(matcher.group(1));
  }

  private long reads(long caseId, String user) {
    return jdbc.queryForObject("select count(*) from case_access_log where case_id = ? and user_id = ?"
        + " and channel = 'REPORT'", Long.class, caseId, user);
  }

  /** The links of a section: address (as the page writes it, &amp; unescaped) and the number shown. */
  private static List<String[]> links(String section) {
    List<String[]> links = new ArrayList<>();
    Matcher matcher = LINK.matcher(section);
    while (matcher.find()) {
      links.add(new String[] {matcher.group(1).replace("&amp;", "&"), matcher.group(2)});
    }
    return links;
  }

  private static String section(String html, String id) {
    int start = html.indexOf("id=\"chi-tieu-" + id + "\"");
    assertThat(start).as(id + " on the page").isPositive();
    return html.substring(start, html.indexOf("</section>", start));
  }

  /** A number as the page writes it: 1.234. */
  private static long number(String shown) {
    return Long.parseLong(shown.replace(".", ""));
  }
}
