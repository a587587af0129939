package vn.nangbuoc.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.erasure.CaseErasure;
import vn.nangbuoc.erasure.ErasureKind;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.pathway.PathwayEvents;
import vn.nangbuoc.system.EngineTime;

/**
 * The summary's cells against the facts: a report over a plan year or whole calendar years counts the same from
 * the cells as from the facts, for every query and every row of every breakdown; the cells kept as the steps went
 * are those made again from the facts; and a fact changed through the product (a child listed, screened, moved,
 * erased) changes the report read from the cells at once.
 */
abstract class FactSummaryChecks {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
  };

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  PathwayEvents events;
  @Autowired
  CaseErasure erasure;
  @Autowired
  TestRestTemplate http;
  @Autowired
  FactCounts counts;
  @Autowired
  FactSummary summary;
  @Autowired
  IndicatorCatalogue catalogue;
  @Autowired
  ReportScope scopes;
  @Autowired
  JdbcTemplate jdbc;

  PathwayDriver driver;
  final int year = EngineTime.today().getYear();

  @BeforeEach
  void setUp() {
    driver = new PathwayDriver(engine, listing);
  }

  @Test
  void shouldCountFromTheCellsWhatTheFactsCount() {
    ProcessInstance operated = listed("MAIPHA", "cbmaipha", Sex.FEMALE, 2, "Pà Thẻn");
    screen(operated, "SURGERY");
    driver.prepareReferral("cvldtbxh", operated, 3_100_000, true);
    driver.approve("tpldtbxh", operated, "APPROVED");
    driver.disburse(operated, 3_000_000);
    driver.surgeryDone(operated);
    driver.settle(operated, 3_000_000, 900_000, 100_000);
    ProcessInstance closed = listed("HOANGDONG", "cbhoangdong", Sex.MALE, 12, null);
    screen(closed, "NONE");
    driver.close(closed, "NO_INDICATION");
    ProcessInstance moved = listed("CHILANG", "cbchilang", Sex.MALE, 14, "Pà Thẻn");
    screen(moved, "REHABILITATION");
    events.childMoved(caseFiles.getByProcessInstance(moved.getId()).id(), "MAIPHA", "cvldtbxh");

    Map<FactQuery, Set<Breakdown>> asked = FactSummary.summarised(catalogue.all());
    List<ReportPeriod> periods = List.of(ReportPeriod.planYear(year), ReportPeriod.planYear(year - 1),
        ReportPeriod.planYear(year + 1), ReportPeriod.of(null, (year - 5) + "-01-01", year + "-12-31"),
        ReportPeriod.of(null, year + "-01-01", year + "-12-31"),
        ReportPeriod.of(null, (year - 1) + "-01-01", (year + 1) + "-12-31"));
    for (String unit : List.of("TPLANGSON", "MAIPHA", "HOANGDONG", "CHILANG")) {
      FactCounts.Scope scope = new FactCounts.Scope(scopes.area(unit).communes(), null);
      for (ReportPeriod period : periods) {
        FactCounts.Scope of = new FactCounts.Scope(scope.communes(), period);
        assertThat(summary.answers(asked, period)).as(period.label()).isTrue();
        Map<FactQuery, FactCounts.Counted> fromCells = counts.count(asked, of);
        Map<FactQuery, FactCounts.Counted> fromFacts = counts.countFacts(asked, of);
        for (FactQuery query : asked.keySet()) {
          assertThat(fromCells.get(query)).as(unit + ", " + period.label() + ": " + query)
              .isEqualTo(fromFacts.get(query));
        }
      }
    }
    checkTheMedians(periods);
    assertThat(summary.answers(asked, ReportPeriod.of(null, year + "-01-01", year + "-06-30")))
        .as("half a year is read from the facts").isFalse();

    Map<String, List<Long>> kept = cells();
    assertThat(kept).isNotEmpty();
    summary.rebuild();
    assertThat(cells()).as("the cells kept step by step are those made again from the facts").isEqualTo(kept);
  }

  @Test
  void shouldChangeTheReportReadFromTheCellsWhenAStepChangesTheFacts() {
    String planYear = "year=" + year;
    String everyYear = "from=" + (year - 5) + "-01-01&to=" + year + "-12-31";
    Map<String, Object> maiPha = report("MAIPHA", planYear);
    Map<String, Object> maiPhaEvery = report("MAIPHA", everyYear);
    Map<String, Object> hoangDong = report("HOANGDONG", planYear);

    ProcessInstance child = listed("MAIPHA", "cbmaipha", Sex.MALE, 4, "Pà Thẻn");
    assertThat(moved(maiPha, report("MAIPHA", planYear), "tre-lap-danh-sach")).as("listed").isEqualTo(1);
    assertThat(moved(maiPhaEvery, report("MAIPHA", everyYear), "tre-lap-danh-sach")).isEqualTo(1);

    screen(child, "SURGERY");
    Map<String, Object> screened = report("MAIPHA", planYear);
    assertThat(moved(maiPha, screened, "chi-dinh-phau-thuat")).as("screened for surgery").isEqualTo(1);
    assertThat(moved(maiPha, screened, "cho-phau-thuat")).as("waiting for surgery").isEqualTo(1);
    assertThat(moved(maiPha, screened, "sang-loc-tre-0-6-tuoi")).as("screened, four years old").isEqualTo(1);
    assertThat(rows(screened, "sang-loc-tre-0-6-tuoi", "ethnicity").get("Pà Thẻn")
        - rows(maiPha, "sang-loc-tre-0-6-tuoi", "ethnicity").getOrDefault("Pà Thẻn", 0L)).isEqualTo(1);
    assertThat(number(figure(screened, "viec-dung-han").get("denominator"))
        - number(figure(maiPha, "viec-dung-han").get("denominator"))).as("the review and the screening, timed tasks")
        .isGreaterThanOrEqualTo(2);

    long caseId = caseFiles.getByProcessInstance(child.getId()).id();
    events.childMoved(caseId, "HOANGDONG", "cvldtbxh");
    assertThat(moved(maiPha, report("MAIPHA", planYear), "tre-lap-danh-sach")).as("moved away").isZero();
    assertThat(moved(maiPha, report("MAIPHA", planYear), "chi-dinh-phau-thuat")).isZero();
    assertThat(moved(hoangDong, report("HOANGDONG", planYear), "chi-dinh-phau-thuat")).as("moved in")
        .isEqualTo(1);

    erasure.erase(caseId, "Theo đơn đề nghị của gia đình, công văn số 11/2026", "quantri",
        ErasureKind.BY_ADMINISTRATOR);
    Map<String, Object> erased = report("HOANGDONG", planYear);
    assertThat(moved(hoangDong, erased, "tre-lap-danh-sach")).as("an erased child counts nowhere").isZero();
    assertThat(number(figure(erased, "viec-dung-han").get("denominator")))
        .as("nor do the tasks of its case").isEqualTo(number(figure(hoangDong, "viec-dung-han").get("denominator")));
  }

  /** Where the database takes the medians (PostgreSQL), they are those of every child's days, row by row. */
  private void checkTheMedians(List<ReportPeriod> periods) {
    Indicator days = catalogue.all().stream().filter(i -> i.unit() == ValueUnit.DAYS).findFirst().orElseThrow();
    for (String unit : List.of("TPLANGSON", "MAIPHA")) {
      for (ReportPeriod period : periods) {
        FactCounts.Scope scope = new FactCounts.Scope(scopes.area(unit).communes(), period);
        FactCounts.Medians taken = counts.medians(days.numerator(), days.breakdowns(), scope);
        if (taken == null) {
          return;
        }
        List<FactCounts.Days> all = counts.days(days.numerator(), days.breakdowns(), scope);
        assertThat(taken.all()).isEqualTo(new FactCounts.Median(all.size(),
            IndicatorReport.median(all.stream().map(FactCounts.Days::days).toList())));
        for (int i = 0; i < days.breakdowns().size(); i++) {
          int at = i;
          Map<String, List<Long>> lists = new HashMap<>();
          all.forEach(d -> lists.computeIfAbsent(d.keys().get(at), k -> new java.util.ArrayList<>()).add(d.days()));
          Map<String, FactCounts.Median> expected = new HashMap<>();
          lists.forEach((key, list) -> expected.put(key, new FactCounts.Median(list.size(),
              IndicatorReport.median(list))));
          assertThat(taken.byKey().get(days.breakdowns().get(i))).as(unit + ", " + period.label() + " by "
              + days.breakdowns().get(i)).isEqualTo(expected);
        }
      }
    }
  }

  // --- the children ---

  ProcessInstance listed(String commune, String caseworker, Sex sex, int age, String ethnicity) {
    LocalDate birth = LocalDate.now().minusYears(age).minusDays(5);
    ProcessInstance p = driver.list(caseworker, new ChildListing("Lò Văn Tổng Hợp", birth, sex, ethnicity, null,
        "Thôn Pác Luống", commune, ConditionGroup.CLEFT_LIP_PALATE, "Lò Thị Mẹ", CaregiverRelation.MOTHER,
        "0912000222"));
    driver.review(p, "ACCEPT");
    return p;
  }

  private void screen(ProcessInstance p, String indication) {
    driver.complete("bsttyt", p, ChildPathway.TASK_RECORD_SCREENING, PathwayDriver.vars(
        ChildPathway.VAR_INDICATION, indication, "record_screeningDate", LocalDate.now().toString(),
        "record_conditionGroup", ConditionGroup.CLEFT_LIP_PALATE.name(), "record_finding", "Kết luận khám",
        "record_doctor", "Đoàn bác sĩ"));
  }

  // --- reading ---

  /** Every cell with something in it, by its key. */
  Map<String, List<Long>> cells() {
    return jdbc.queryForList("select * from report_fact_cell where found <> 0 or amount <> 0").stream()
        .collect(Collectors.toMap(row -> List.of("PERIOD_KIND", "PERIOD_YEAR", "QUERY_ID", "BREAKDOWN",
            "COMMUNE_CODE", "REFORM_COMMUNE_CODE", "BIRTH_YEAR", "CELL_KEY", "RECORDED").stream()
            .map(column -> String.valueOf(value(row, column))).collect(Collectors.joining("|")),
            row -> List.of(number(value(row, "AMOUNT")), number(value(row, "FOUND")))));
  }

  private static Object value(Map<String, Object> row, String column) {
    return row.containsKey(column) ? row.get(column) : row.get(column.toLowerCase());
  }

  private Map<String, Object> report(String unit, String period) {
    ResponseEntity<Map<String, Object>> answer = http.withBasicAuth("cvldtbxh", "demo123")
        .exchange("/api/reports/indicators?unit=" + unit + "&" + period, HttpMethod.GET, null, MAP);
    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private static long moved(Map<String, Object> before, Map<String, Object> after, String id) {
    return number(figure(after, id).get("numerator")) - number(figure(before, id).get("numerator"));
  }

  private static Map<String, Object> figure(Map<String, Object> report, String id) {
    return IndicatorChecks.figure(report, id);
  }

  private static Map<String, Long> rows(Map<String, Object> report, String id, String by) {
    Map<String, Long> rows = new HashMap<>();
    IndicatorChecks.splits(figure(report, id)).stream().filter(split -> by.equals(split.get("by")))
        .flatMap(split -> IndicatorChecks.rowsOf(split).stream())
        .forEach(row -> rows.put(String.valueOf(row.get("key")), number(row.get("numerator"))));
    return rows;
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
