package vn.nangbuoc.caseimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStatus;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.system.EngineTime;

/**
 * The import enrols a child again as the listing does, by the same rule: a row whose child's case closed in an
 * earlier plan year opens a new case file of today's plan with the same personal ID, which the case page shows
 * among her enrolments; a row whose child has an open case, or a closed one of today's plan year, is refused in
 * Vietnamese, in the listing's words for the closed one, and opens nothing.
 */
@NangBuocSpringTest
class ImportReEnrolmentTest {

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

  @Test
  void shouldEnrolAgainAChildWhoseEarlierCaseClosedAndRefuseOneWithACaseOpenOrOfThisYear() {
    // given: three children of Mai Pha: one closed in last year's plan, one closed in this year's, one open
    int thisYear = EngineTime.today().getYear();
    CaseFile lastYears = closed(listed(thisYear - 1));
    CaseFile thisYears = closed(listed(thisYear));
    CaseFile open = listed(thisYear);
    ListFiles list = new ListFiles().add(row(lastYears)).add(row(thisYears)).add(row(open));

    // when: a list names all three
    long importId = imports.preview("tham-gia-lai.csv", list.csv(), "cbmaipha");

    // then: the first is a new enrolment linked to her earlier case, the others are refused
    Map<Integer, RowResult> rows = imports.rows(importId, "cbmaipha").stream()
        .collect(Collectors.toMap(RowResult::rowNumber, row -> row));
    assertThat(rows.get(2).outcome()).isEqualTo(RowOutcome.NEW);
    assertThat(rows.get(2).message()).contains("Tham gia lại", "kế hoạch năm " + (thisYear - 1), "đã đóng");
    assertThat(rows.get(2).caseNumber()).isEqualTo(lastYears.caseNumber());
    assertThat(rows.get(3).outcome()).isEqualTo(RowOutcome.DUPLICATE);
    // the listing's own words: one rule, one sentence
    assertThatThrownBy(() -> listing.list(listingOf(thisYears), thisYear, "cbmaipha", true))
        .isInstanceOf(InvalidInputException.class).hasMessage(rows.get(3).message());
    assertThat(rows.get(3).message()).isEqualTo("Trẻ đã tham gia kế hoạch năm " + thisYear + " (hồ sơ "
        + thisYears.caseNumber() + ", đã đóng): chỉ lập danh sách lại được cho kế hoạch của năm sau " + thisYear
        + ".");
    assertThat(rows.get(4).outcome()).isEqualTo(RowOutcome.DUPLICATE);
    assertThat(rows.get(4).message()).isEqualTo("Trẻ đã có hồ sơ " + open.caseNumber()
        + " (cùng số định danh cá nhân).");

    // when: confirmed
    CaseImportService.Confirmed confirmed = imports.confirm(importId, "cbmaipha");

    // then: one new case file, of this year's plan, the same child's; nothing for the two others
    assertThat(confirmed.createdCaseIds()).hasSize(1);
    CaseFile again = caseFiles.get(confirmed.createdCaseIds().get(0));
    assertThat(again.personalId()).isEqualTo(lastYears.personalId());
    assertThat(again.status()).isEqualTo(CaseStatus.ACTIVE);
    assertThat(again.planYear()).isEqualTo(thisYear);
    assertThat(again.caseNumber()).isNotEqualTo(lastYears.caseNumber());
    assertThat(caseFiles.enrolmentsOf(again, "cbmaipha")).extracting(CaseFile::id)
        .containsExactly(lastYears.id(), again.id());
    assertThat(casesOf(thisYears.personalId())).isEqualTo(1);
    assertThat(casesOf(open.personalId())).isEqualTo(1);
    PageBrowser pages = new PageBrowser(http);
    assertThat(pages.get(pages.login("cbmaipha"), "/ho-so/" + again.id()).getBody())
        .contains("Các lần tham gia", "href=\"/ho-so/" + lastYears.id() + "\">" + lastYears.caseNumber() + "</a>");

    // and: the same list again refuses her too, her case being open now
    long twice = imports.preview("tham-gia-lai (1).csv", list.csv(), "cbmaipha");
    assertThat(imports.rows(twice, "cbmaipha")).extracting(RowResult::outcome).containsOnly(RowOutcome.DUPLICATE);
  }

  private CaseFile listed(int planYear) {
    ChildListing child = new ChildListing("Lương Thị " + ListFiles.uniqueWord(), LocalDate.now().minusYears(6),
        Sex.FEMALE, "Nùng", ListFiles.personalId(), "Thôn Pò Mỏ", "MAIPHA", ConditionGroup.MOTOR,
        "Lương Văn Sơn", CaregiverRelation.FATHER, null);
    PathwayDriver driver = new PathwayDriver(engine, listing);
    return driver.as("cbmaipha", () -> listing.list(child, planYear, "cbmaipha", true));
  }

  /** Withdrawn by the family, which closes the case (and its pathway). */
  private CaseFile closed(CaseFile file) {
    assertThat(http.withBasicAuth("cbmaipha", "demo123").exchange("/api/cases/" + file.id() + "/withdrawal",
        HttpMethod.POST, new HttpEntity<>(Map.of("reason", "Gia đình chuyển đi nơi khác")), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    CaseFile closed = caseFiles.get(file.id());
    assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
    return closed;
  }

  private static Map<ImportColumn, String> row(CaseFile file) {
    Map<ImportColumn, String> row = ListFiles.child(true);
    row.put(ImportColumn.FULL_NAME, file.fullName());
    row.put(ImportColumn.DATE_OF_BIRTH, VietnameseFormat.date(file.dateOfBirth()));
    row.put(ImportColumn.PERSONAL_ID, file.personalId());
    return row;
  }

  private static ChildListing listingOf(CaseFile file) {
    return new ChildListing(file.fullName(), file.dateOfBirth(), Sex.FEMALE, "Nùng", file.personalId(),
        "Thôn Pò Mỏ", "MAIPHA", ConditionGroup.MOTOR, "Lương Văn Sơn", CaregiverRelation.FATHER, null);
  }

  private long casesOf(String personalId) {
    return jdbc.sql("select count(*) from case_file where personal_id = ?").param(personalId).query(Long.class)
        .single();
  }
}
