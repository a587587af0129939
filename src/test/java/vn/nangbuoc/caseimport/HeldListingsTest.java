package vn.nangbuoc.caseimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.util.HtmlUtils;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.HeldListings;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * Item 10 of issue 17: a commune learns nothing about children listed outside its area. Its preview
 * answers alike for a child listed elsewhere and for one nobody listed; confirmed (or listed over
 * the API), the child listed elsewhere gets no second case file but a listing held for the office
 * of the existing case.
 */
@NangBuocSpringTest
class HeldListingsTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

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
  HeldListings held;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  OrganisationDirectory organisation;

  private CaseFile elsewhere;

  @BeforeEach
  void setUp() {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ChildListing child = new ChildListing("Lục Văn " + ListFiles.uniqueWord(), LocalDate.now().minusYears(6), Sex.MALE,
        "Tày", ListFiles.personalId(), "Thôn Bản Chu", "HOANGDONG", ConditionGroup.CLEFT_LIP_PALATE, "Lục Thị Dung",
        CaregiverRelation.MOTHER, "0987000111");
    elsewhere = caseFiles.getByProcessInstance(driver.list("cbhoangdong", child).getId());
  }

  @Test
  void shouldAnswerAStrangerCommunesPreviewAlikeForAListedAndAnUnlistedChild() {
    Map<ImportColumn, String> row = ListFiles.child(true);
    String unlisted = ListFiles.personalId();

    List<RowResult> listedElsewhere = imports.rows(imports.preview("a.csv",
        new ListFiles().add(row, ImportColumn.PERSONAL_ID, elsewhere.personalId()).csv(), "cbmaipha"), "cbmaipha");
    List<RowResult> nobodyListed = imports.rows(imports.preview("b.csv",
        new ListFiles().add(row, ImportColumn.PERSONAL_ID, unlisted).csv(), "cbmaipha"), "cbmaipha");

    assertThat(withoutCells(listedElsewhere)).isEqualTo(withoutCells(nobodyListed))
        .singleElement().extracting(RowResult::outcome).isEqualTo(RowOutcome.NEW);
    assertThat(listedElsewhere.get(0).cells()).containsEntry("personalId", elsewhere.personalId());
  }

  @Test
  void shouldHoldAConfirmedRowForTheExistingCasesOfficeAndOpenNoSecondCase() {
    Map<ImportColumn, String> row = new EnumMap<>(ListFiles.child(true));
    row.put(ImportColumn.PERSONAL_ID, elsewhere.personalId());
    long id = imports.preview("c.csv", new ListFiles().add(row).add(ListFiles.child(true)).csv(), "cbmaipha");

    CaseImportService.Confirmed confirmed = imports.confirm(id, "cbmaipha");

    assertThat(confirmed.createdCaseIds()).hasSize(1);
    assertThat(imports.rows(id, "cbmaipha")).extracting(RowResult::outcome)
        .containsExactly(RowOutcome.HELD, RowOutcome.CREATED);
    assertThat(imports.rows(id, "cbmaipha").get(0).message())
        .isEqualTo("Đã nhận: " + maiPhasCoordinator() + " xác minh trước khi lập hồ sơ.")
        .doesNotContain(elsewhere.caseNumber());
    assertThat(casesWith(elsewhere.personalId())).isEqualTo(1);
    assertHeldForTheOfficeOfTheExistingCase(row.get(ImportColumn.FULL_NAME));
  }

  @Test
  void shouldHoldAStrangersListingOverTheApiAndOpenNoSecondCase() {
    Map<String, Object> body = apiListing();

    ResponseEntity<Map<String, Object>> answer = http.withBasicAuth("cbmaipha", "demo123").exchange("/api/cases",
        HttpMethod.POST, new HttpEntity<>(body), OBJECT);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(answer.getBody()).containsEntry("status", "HELD")
        .containsEntry("message", "Đã nhận danh sách: " + maiPhasCoordinator() + " xác minh trước khi lập hồ sơ.");
    assertThat(String.valueOf(answer.getBody())).doesNotContain("địa bàn khác", elsewhere.caseNumber());
    assertThat(casesWith(elsewhere.personalId())).isEqualTo(1);
    assertHeldForTheOfficeOfTheExistingCase((String) body.get("fullName"));
  }

  /**
   * Issue 19: after a reform another office verifies (a commune's culture–social office, not the city's labour
   * office). Every held answer names the agency the organisation data makes the lister's coordinator today.
   */
  @Test
  void shouldNameTheCoordinatorTheOrganisationDataNamesToday() {
    String agencyId = organisation.responsibleAgency("CASE_COORDINATION", "STAFF", "MAIPHA").agencyId();
    String name = jdbc.sql("select name from agency where id = ?").param(agencyId).query(String.class).single();
    String renamed = "Phòng Văn hóa – Xã hội xã Mai Pha";
    jdbc.sql("update agency set name = ? where id = ?").params(renamed, agencyId).update();
    try {
      ResponseEntity<Map<String, Object>> api = http.withBasicAuth("cbmaipha", "demo123").exchange("/api/cases",
          HttpMethod.POST, new HttpEntity<>(apiListing()), OBJECT);
      Map<ImportColumn, String> row = new EnumMap<>(ListFiles.child(true));
      row.put(ImportColumn.PERSONAL_ID, elsewhere.personalId());
      long id = imports.preview("d.csv", new ListFiles().add(row).csv(), "cbmaipha");
      imports.confirm(id, "cbmaipha");
      PageBrowser pages = new PageBrowser(http);
      String preview = HtmlUtils.htmlUnescape(pages.get(pages.login("cbmaipha"), "/ho-so/nhap/" + id).getBody());

      assertThat(api.getBody()).containsEntry("message",
          "Đã nhận danh sách: " + renamed + " xác minh trước khi lập hồ sơ.");
      assertThat(imports.rows(id, "cbmaipha").get(0).message())
          .isEqualTo("Đã nhận: " + renamed + " xác minh trước khi lập hồ sơ.");
      assertThat(preview).contains("dòng chờ " + renamed + " xác minh").doesNotContain(name);
    } finally {
      jdbc.sql("update agency set name = ? where id = ?").params(name, agencyId).update();
    }
  }

  private Map<String, Object> apiListing() {
    return Map.of("fullName", "Lục Văn " + ListFiles.uniqueWord(), "dateOfBirth", "05/06/2020",
        "sex", "MALE", "address", "Thôn Khòn Khuyến", "conditionGroup", "CLEFT_LIP_PALATE", "caregiverName",
        "Lục Thị Hằng", "caregiverRelation", "MOTHER", "personalId", elsewhere.personalId());
  }

  /** The lister's commune's coordinating agency, as the organisation data names it: never the other case's. */
  private String maiPhasCoordinator() {
    return organisation.responsibleAgency("CASE_COORDINATION", "STAFF", "MAIPHA").agencyName();
  }

  private void assertHeldForTheOfficeOfTheExistingCase(String typedName) {
    PageBrowser pages = new PageBrowser(http);
    assertThat(pages.get(pages.login("cbmaipha"), "/ho-so/trung-lap").getBody()).doesNotContain(typedName);
    String office = pages.login("cbhoangdong");
    String page = pages.get(office, "/ho-so/trung-lap").getBody();
    assertThat(page).contains("Danh sách chờ xác minh", typedName, elsewhere.caseNumber());

    HeldListings.Held listing = held.openIn(List.of("HOANGDONG")).stream()
        .filter(h -> h.fullName().equals(typedName)).findFirst().orElseThrow();
    assertThat(pages.submit(office, "/ho-so/trung-lap", "/ho-so/trung-lap/cho-xac-minh/" + listing.id())
        .getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(pages.get(office, "/ho-so/trung-lap").getBody()).doesNotContain(typedName);
  }

  private long casesWith(String personalId) {
    return jdbc.sql("select count(*) from case_file where personal_id = ?").param(personalId)
        .query(Long.class).single();
  }

  private static List<RowResult> withoutCells(List<RowResult> rows) {
    return rows.stream().map(r -> new RowResult(r.rowNumber(), r.outcome(), r.message(), r.caseId(), r.caseNumber(),
        null)).toList();
  }
}
