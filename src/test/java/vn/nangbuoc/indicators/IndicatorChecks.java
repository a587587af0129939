package vn.nangbuoc.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.duplicates.CaseMerge;
import vn.nangbuoc.erasure.CaseErasure;
import vn.nangbuoc.erasure.ErasureKind;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.pathway.PathwayEvents;
import vn.nangbuoc.system.EngineTime;

/**
 * The indicators against counts made here, from children taken through the pathway as the users would (several
 * communes, both sexes, every age band, the outcomes, one child moved and one erased): each indicator and each row
 * of each breakdown moves by exactly what these children add, totals across a breakdown equal the indicator, and a
 * commune's staff see their commune's figures and no other's. The shared test database holds other tests' children
 * too: the checks compare the report before and after these children.
 */
abstract class IndicatorChecks {

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
  CaseMerge merges;

  PathwayDriver driver;
  final LocalDate lastDay = LocalDate.of(EngineTime.today().getYear(), 12, 31);

  /** What the test knows of each child it took through, written down as it goes: the independent count. */
  static final class Known {
    String commune;
    Sex sex;
    LocalDate birth;
    String ethnicity;
    String condition;
    String indication;
    boolean absent;
    boolean surgeryDone;
    boolean service;
    boolean active = true;
    String outcome;
    String source;
    long approved;
    long paid;
    long settled;
    long healthInsurance;
    long charity;
  }

  @BeforeEach
  void setUp() {
    driver = new PathwayDriver(engine, listing);
  }

  @Test
  void shouldCountWhatTheChildrenWentThroughInTotalAndInEveryBreakdown() {
    Map<String, Object> before = report("cvldtbxh", "TPLANGSON");
    List<Known> children = new ArrayList<>();

    children.add(operated("MAIPHA", Sex.FEMALE, 3, "Tày"));
    children.add(postponed("MAIPHA", Sex.MALE, 8, "Nùng"));
    children.add(rehabilitated("HOANGDONG", "cbhoangdong", Sex.FEMALE, 13, "Kinh"));
    children.add(withoutIndication("HOANGDONG", "cbhoangdong", Sex.MALE, 15, "Tày"));
    children.add(notEligible("MAIPHA", Sex.FEMALE, 17, "Kinh"));
    children.add(absentTwice("CHILANG", "cbchilang", Sex.MALE, 4, "Dao"));
    children.add(declined("MAIPHA", Sex.FEMALE, 10, "Kinh"));
    children.add(moved("CHILANG", "cbchilang", "HOANGDONG", Sex.FEMALE, 7, "Nùng"));
    children.add(mergedTwin("MAIPHA", Sex.FEMALE, 1, "Mông"));
    Map<String, Object> beforeErasure = report("cvldtbxh", "TPLANGSON");
    erased("MAIPHA", Sex.MALE, 5, "Tày");
    Map<String, Object> after = report("cvldtbxh", "TPLANGSON");

    check(before, after, children, "tre-lap-danh-sach", k -> true);
    check(before, after, children, "tre-kham-sang-loc", k -> k.indication != null);
    check(before, after, children, "tre-vang-kham", k -> k.absent);
    check(before, after, children, "chi-dinh-phau-thuat", k -> "SURGERY".equals(k.indication));
    check(before, after, children, "chi-dinh-phuc-hoi-chuc-nang", k -> "REHABILITATION".equals(k.indication));
    check(before, after, children, "khong-chi-dinh", k -> "NONE".equals(k.indication));
    check(before, after, children, "da-phau-thuat", k -> k.surgeryDone);
    check(before, after, children, "cho-phau-thuat", k -> "SURGERY".equals(k.indication) && k.active
        && !k.surgeryDone);
    check(before, after, children, "khong-dong-y-phau-thuat", k -> "NO_CONSENT".equals(k.outcome));
    check(before, after, children, "ket-qua-dong-ho-so", k -> k.outcome != null);
    check(before, after, children, "phau-thuat-phcn-dung-cu", k -> k.surgeryDone || k.service);
    check(before, after, children, "tiep-can-dich-vu", k -> k.surgeryDone || k.service);
    check(before, after, children, "phau-thuat-tre-co-chi-dinh", k -> "SURGERY".equals(k.indication)
        && k.surgeryDone);
    checkDenominator(before, after, children, "phau-thuat-tre-co-chi-dinh", k -> "SURGERY".equals(k.indication));
    check(before, after, children, "sang-loc-tre-0-6-tuoi", k -> k.indication != null
        && Period.between(k.birth, lastDay).getYears() < 7);
    checkSum(before, after, children, "kinh-phi-phe-duyet", k -> k.approved);
    checkSum(before, after, children, "kinh-phi-chi-tra", k -> k.paid);
    checkSum(before, after, children, "kinh-phi-quyet-toan", k -> k.settled);
    checkSum(before, after, children, "kinh-phi-bao-hiem-y-te", k -> k.healthInsurance);
    checkSum(before, after, children, "kinh-phi-tu-thien", k -> k.charity);

    assertThat(numerator(after, "tre-lap-danh-sach") - numerator(beforeErasure, "tre-lap-danh-sach"))
        .as("an erased child counts nowhere").isZero();
    assertThat(numerator(after, "viec-dung-han")).as("tasks done at once are on time")
        .isEqualTo(denominator(after, "viec-dung-han"));
    assertThat(denominator(after, "viec-dung-han") - denominator(before, "viec-dung-han"))
        .as("every task these children's cases completed, the erased child's gone with it").isPositive();
    for (Map<String, Object> figure : figures(after)) {
      assertTotalsAgree(figure);
    }
  }

  @Test
  void shouldShowACommuneItsOwnFiguresOnlyAndTheCityTheSame() {
    operated("MAIPHA", Sex.MALE, 6, "Kinh");
    Map<String, Object> commune = report("cbmaipha", "MAIPHA");
    Map<String, Object> city = report("cvldtbxh", "TPLANGSON");

    for (Map<String, Object> figure : figures(commune)) {
      assertThat(rows(figure, "commune").keySet()).as(figure.get("id") + ": one commune").containsExactly("MAIPHA");
      if (!"days".equals(figure.get("unit"))) {
        assertThat(rows(figure, "commune").get("MAIPHA")).as(figure.get("id") + ": the city's row of the commune")
            .isEqualTo(rows(figure(city, (String) figure.get("id")), "commune").get("MAIPHA"));
      }
    }
    assertThat(report("thanhtra", "TPLANGSON")).as("auditors read their area")
        .containsEntry("unitCode", "TPLANGSON");
    assertRefused("cbmaipha", "/api/reports/indicators?unit=HOANGDONG", HttpStatus.FORBIDDEN, "Xã Hoàng Đồng");
    assertRefused("cbmaipha", "/api/reports/indicators?unit=TPLANGSON", HttpStatus.FORBIDDEN, "không được xem");
    assertRefused("quantri", "/api/reports/indicators?unit=MAIPHA", HttpStatus.FORBIDDEN, "không được xem");
    assertRefused("cvldtbxh", "/api/reports/indicators?unit=KHONGCO", HttpStatus.BAD_REQUEST,
        "Không có đơn vị hành chính");
    assertRefused("cvldtbxh", "/api/reports/indicators?unit=MAIPHA&from=2026-13-01", HttpStatus.BAD_REQUEST,
        "không đúng dạng ngày");
    assertRefused("cvldtbxh", "/api/reports/indicators?unit=MAIPHA&from=2026-05-01&to=2026-04-01",
        HttpStatus.BAD_REQUEST, "Ngày kết thúc");
  }

  @Test
  void shouldDivideByTheFigureTheCommuneEnteredAndSayWhoEnteredIt() {
    int year = lastDay.getYear();
    ResponseEntity<Map<String, Object>> entered = put("cbmaipha", Map.of("population", "tre-em-khuyet-tat",
        "unit", "MAIPHA", "year", year, "amount", 40));
    assertThat(entered.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(entered.getBody()).containsEntry("enteredBy", "cbmaipha").containsEntry("amount", 40);
    assertThat(put("cbmaipha", Map.of("population", "tre-em-khuyet-tat", "unit", "HOANGDONG", "year", year,
        "amount", 10)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(put("thanhtra", Map.of("population", "tre-em-khuyet-tat", "unit", "MAIPHA", "year", year,
        "amount", 10)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(put("cbmaipha", Map.of("population", "tre-em-cua-xa", "unit", "MAIPHA", "year", year,
        "amount", 10)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    Map<String, Object> reached = figure(report("cbmaipha", "MAIPHA"), "tiep-can-dich-vu");
    assertThat(number(reached.get("denominator"))).isEqualTo(40);
    assertThat(new java.math.BigDecimal(String.valueOf(reached.get("value"))))
        .isEqualByComparingTo(java.math.BigDecimal.valueOf(number(reached.get("numerator")) * 100)
            .divide(java.math.BigDecimal.valueOf(40), 1, java.math.RoundingMode.HALF_UP));
    Map<String, Object> city = figure(report("cvldtbxh", "TPLANGSON"), "tiep-can-dich-vu");
    assertThat(number(city.get("denominator"))).as("the city without its own figure sums its communes'")
        .isGreaterThanOrEqualTo(40);
    Object target = city.get("target");
    if (year == 2024) {
      assertThat(new java.math.BigDecimal(String.valueOf(target))).as("the city's own target for 2024")
          .isEqualByComparingTo("95");
    } else if (year >= 2021 && year <= 2025) {
      assertThat(new java.math.BigDecimal(String.valueOf(target))).as("the plan's target").isEqualByComparingTo("90");
    } else {
      assertThat(target).as("no plan sets a target for " + year).isNull();
      assertThat(city.get("met")).isNull();
    }
  }

  @Test
  void shouldCountAChildInThePlanYearSheWasEnrolledInWhenSheWasListedTheYearBefore() {
    int year = lastDay.getYear();
    String planYear = "year=" + year;
    String lastYear = "from=" + (year - 1) + "-01-01&to=" + (year - 1) + "-12-31";
    String thisYear = "from=" + year + "-01-01&to=" + year + "-12-31";
    Map<String, Map<String, Object>> before = Map.of(planYear, report("cbmaipha", "MAIPHA", planYear),
        "year=" + (year - 1), report("cbmaipha", "MAIPHA", "year=" + (year - 1)),
        lastYear, report("cbmaipha", "MAIPHA", lastYear), thisYear, report("cbmaipha", "MAIPHA", thisYear));

    // listed on 20 December of last year for this year's plan, screened this year
    ClockUtil.setCurrentTime(java.util.Date.from(LocalDate.of(year - 1, 12, 20).atTime(9, 0)
        .atZone(EngineTime.VIETNAM).toInstant()));
    vn.nangbuoc.casefile.CaseFile file;
    try {
      file = driver.as("cbmaipha", () -> listing.list(new ChildListing("Lường Thị Kế Hoạch", lastDay.minusYears(4),
          Sex.FEMALE, "Tày", null, "Thôn Khòn Khuyên", "MAIPHA", ConditionGroup.CLEFT_LIP_PALATE, "Lường Thị Mẹ",
          CaregiverRelation.MOTHER, "0912000111"), year, "cbmaipha", true));
    } finally {
      ClockUtil.reset();
    }
    ProcessInstance p = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(file.processInstanceId()).singleResult();
    driver.review(p, "ACCEPT");
    driver.screen(p, "SURGERY");

    Map<String, Long> listedMoves = Map.of(planYear, 1L, "year=" + (year - 1), 0L, lastYear, 1L, thisYear, 0L);
    Map<String, Long> screenedMoves = Map.of(planYear, 1L, "year=" + (year - 1), 0L, lastYear, 0L, thisYear, 1L);
    listedMoves.forEach((period, moved) -> {
      Map<String, Object> after = report("cbmaipha", "MAIPHA", period);
      assertThat(numerator(after, "tre-lap-danh-sach") - numerator(before.get(period), "tre-lap-danh-sach"))
          .as("listed, " + period).isEqualTo(moved);
      assertThat(numerator(after, "chi-dinh-phau-thuat") - numerator(before.get(period), "chi-dinh-phau-thuat"))
          .as("screened with an indication for surgery, " + period).isEqualTo(screenedMoves.get(period));
      assertThat(after.get("byPlanYear")).as(period).isEqualTo(period.startsWith("year="));
    });
    assertThat(report("cbmaipha", "MAIPHA", "")).as("the plan year by default")
        .containsEntry("byPlanYear", true).containsEntry("planYear", year);
    assertRefused("cbmaipha", "/api/reports/indicators?unit=MAIPHA&year=20x6", HttpStatus.BAD_REQUEST,
        "năm kế hoạch");
  }

  // --- the children ---

  private Known operated(String commune, Sex sex, int age, String ethnicity) {
    Known k = listed(commune, "cbmaipha", sex, age, ethnicity, ConditionGroup.CLEFT_LIP_PALATE);
    ProcessInstance p = pathwayOf(k);
    screen(p, k, "SURGERY", ConditionGroup.CLEFT_LIP_PALATE);
    driver.prepareReferral("cvldtbxh", p, 3_000_000, true);
    driver.approve("tpldtbxh", p, "APPROVED");
    driver.disburse(p, 2_800_000);
    driver.surgeryDone(p);
    driver.settle(p, 2_800_000, 1_200_000, 500_000);
    k.surgeryDone = true;
    k.source = "FUND";
    k.approved = 3_000_000;
    k.paid = 2_800_000;
    k.settled = 2_800_000;
    k.healthInsurance = 1_200_000;
    k.charity = 500_000;
    return k;
  }

  private Known postponed(String commune, Sex sex, int age, String ethnicity) {
    Known k = listed(commune, "cbmaipha", sex, age, ethnicity, ConditionGroup.MOTOR);
    ProcessInstance p = pathwayOf(k);
    screen(p, k, "SURGERY", ConditionGroup.MOTOR);
    driver.prepareReferral("cvldtbxh", p, 4_000_000, true);
    driver.approve("tpldtbxh", p, "APPROVED");
    driver.disburse(p, 4_000_000);
    driver.surgeryPostponed(p);
    k.source = "FUND";
    k.approved = 4_000_000;
    k.paid = 4_000_000;
    return k;
  }

  private Known rehabilitated(String commune, String caseworker, Sex sex, int age, String ethnicity) {
    Known k = listed(commune, caseworker, sex, age, ethnicity, ConditionGroup.MOTOR);
    ProcessInstance p = pathwayOf(k);
    screen(p, k, "REHABILITATION", ConditionGroup.MOTOR);
    driver.arrangeService(p);
    k.service = true;
    return k;
  }

  private Known withoutIndication(String commune, String caseworker, Sex sex, int age, String ethnicity) {
    Known k = listed(commune, caseworker, sex, age, ethnicity, ConditionGroup.EYE);
    ProcessInstance p = pathwayOf(k);
    screen(p, k, "NONE", ConditionGroup.OTHER);
    driver.close(p, "NO_INDICATION");
    k.active = false;
    k.outcome = "NO_INDICATION";
    return k;
  }

  /** Sixteen and older: the surgery programme is for younger children, the review says so and the case closes. */
  private Known notEligible(String commune, Sex sex, int age, String ethnicity) {
    Known k = listed("Lường Thị Quá Tuổi", commune, "cbmaipha", sex, age, ethnicity, ConditionGroup.MOTOR, false);
    driver.review(pathwayOf(k), "NOT_ELIGIBLE");
    k.active = false;
    k.outcome = "NOT_ELIGIBLE";
    return k;
  }

  private Known absentTwice(String commune, String caseworker, Sex sex, int age, String ethnicity) {
    Known k = listed(commune, caseworker, sex, age, ethnicity, ConditionGroup.EAR);
    ProcessInstance p = pathwayOf(k);
    driver.screen(p, "ABSENT");
    driver.screen(p, "ABSENT");
    k.absent = true;
    k.active = false;
    k.outcome = "ABSENT_FROM_SCREENING";
    return k;
  }

  private Known declined(String commune, Sex sex, int age, String ethnicity) {
    Known k = listed(commune, "cbmaipha", sex, age, ethnicity, ConditionGroup.GENITO_URINARY);
    ProcessInstance p = pathwayOf(k);
    screen(p, k, "SURGERY", ConditionGroup.GENITO_URINARY);
    driver.prepareReferral("cvldtbxh", p, 5_000_000, false);
    driver.counsel(p, "DECLINED");
    k.active = false;
    k.outcome = "NO_CONSENT";
    return k;
  }

  private Known moved(String commune, String caseworker, String to, Sex sex, int age, String ethnicity) {
    Known k = listed(commune, caseworker, sex, age, ethnicity, ConditionGroup.BURN_SEQUELAE);
    ProcessInstance p = pathwayOf(k);
    screen(p, k, "SURGERY", ConditionGroup.BURN_SEQUELAE);
    events.childMoved(caseFiles.getByProcessInstance(p.getId()).id(), to, "cvldtbxh");
    k.commune = to;
    return k;
  }

  private void erased(String commune, Sex sex, int age, String ethnicity) {
    Known k = listed(commune, "cbmaipha", sex, age, ethnicity, ConditionGroup.CLEFT_LIP_PALATE);
    ProcessInstance p = pathwayOf(k);
    screen(p, k, "SURGERY", ConditionGroup.CLEFT_LIP_PALATE);
    erasure.erase(caseFiles.getByProcessInstance(p.getId()).id(), "Theo đơn đề nghị của gia đình, công văn số 9/2026",
        "quantri", ErasureKind.BY_ADMINISTRATOR);
  }

  /** The same child listed twice and merged: the kept case file counts, the merged one nowhere. */
  private Known mergedTwin(String commune, Sex sex, int age, String ethnicity) {
    Known kept = listed("Lường Thị Trùng", commune, "cbmaipha", sex, age, ethnicity, ConditionGroup.EYE);
    Known twin = listed("Lường Thị Trùng", commune, "cbmaipha", sex, age, ethnicity, ConditionGroup.EYE);
    screen(pathwayOf(twin), twin, "NONE", ConditionGroup.EYE);
    merges.merge(caseFiles.getByProcessInstance(pathwayOf(kept).getId()).id(),
        caseFiles.getByProcessInstance(pathwayOf(twin).getId()).id(), "Cùng một trẻ, lập danh sách hai lần",
        "cbmaipha");
    return kept;
  }

  private final Map<Known, ProcessInstance> pathways = new HashMap<>();

  private Known listed(String commune, String caseworker, Sex sex, int age, String ethnicity,
      ConditionGroup condition) {
    return listed("Lường Văn Chỉ Số", commune, caseworker, sex, age, ethnicity, condition, true);
  }

  private Known listed(String name, String commune, String caseworker, Sex sex, int age, String ethnicity,
      ConditionGroup condition) {
    return listed(name, commune, caseworker, sex, age, ethnicity, condition, true);
  }

  private Known listed(String name, String commune, String caseworker, Sex sex, int age, String ethnicity,
      ConditionGroup condition, boolean accepted) {
    Known k = new Known();
    k.commune = commune;
    k.sex = sex;
    k.birth = LocalDate.now().minusYears(age).minusDays(3);
    k.ethnicity = ethnicity;
    k.condition = condition.name();
    ProcessInstance p = driver.list(caseworker, new ChildListing(name, k.birth, sex, ethnicity, null,
        "Thôn Khòn Khuyên", commune, condition, "Lường Thị Mẹ", CaregiverRelation.MOTHER, "0912000111"));
    if (accepted) {
      driver.review(p, "ACCEPT");
    }
    pathways.put(k, p);
    return k;
  }

  private ProcessInstance pathwayOf(Known k) {
    return pathways.get(k);
  }

  private void screen(ProcessInstance p, Known k, String indication, ConditionGroup found) {
    driver.complete("bsttyt", p, ChildPathway.TASK_RECORD_SCREENING, PathwayDriver.vars(
        ChildPathway.VAR_INDICATION, indication, "record_screeningDate", LocalDate.now().toString(),
        "record_conditionGroup", found.name(), "record_finding", "Kết luận khám của đoàn bác sĩ",
        "record_doctor", "Đoàn bác sĩ"));
    k.indication = indication;
    k.condition = found.name();
  }

  // --- the checks ---

  /** The indicator's numerator, in total and in every row of every breakdown, moved by the children that match. */
  private void check(Map<String, Object> before, Map<String, Object> after, List<Known> children, String id,
      Predicate<Known> counted) {
    checkSum(before, after, children, id, k -> counted.test(k) ? 1 : 0);
  }

  private void checkSum(Map<String, Object> before, Map<String, Object> after, List<Known> children, String id,
      ToLongFunction<Known> amount) {
    compare(before, after, children, id, "numerator", amount);
  }

  private void checkDenominator(Map<String, Object> before, Map<String, Object> after, List<Known> children,
      String id, Predicate<Known> counted) {
    compare(before, after, children, id, "denominator", k -> counted.test(k) ? 1 : 0);
  }

  private void compare(Map<String, Object> before, Map<String, Object> after, List<Known> children, String id,
      String part, ToLongFunction<Known> amount) {
    Map<String, Object> was = figure(before, id);
    Map<String, Object> is = figure(after, id);
    long expected = children.stream().mapToLong(amount).sum();
    assertThat(number(is.get(part)) - number(was.get(part))).as(id + " " + part).isEqualTo(expected);
    Map<String, Function<Known, String>> keys = Map.of("commune", k -> k.commune, "sex", k -> k.sex.name(),
        "age-band", k -> band(k.birth), "ethnicity", k -> k.ethnicity, "condition-group", k -> k.condition,
        "disability-level", k -> null, "outcome", k -> k.outcome, "indication", k -> k.indication,
        "source", k -> k.source);
    List<Object> splitsShown = splits(is).stream().map(split -> split.get("by")).toList();
    assertThat(splitsShown).as(id).contains("commune", "sex", "age-band", "ethnicity", "condition-group",
        "disability-level");
    keys.forEach((by, key) -> {
      if (!splitsShown.contains(by)) {
        return;
      }
      Map<String, Long> expectedRows = new HashMap<>();
      children.forEach(k -> expectedRows.merge(String.valueOf(key.apply(k)), amount.applyAsLong(k), Long::sum));
      Map<String, Long> wasRows = rows(was, by, part);
      Map<String, Long> isRows = rows(is, by, part);
      expectedRows.forEach((row, count) -> assertThat(count == 0 || isRows.containsKey(row))
          .as(id + " by " + by + " shows " + row).isTrue());
      for (String row : isRows.keySet()) {
        assertThat(isRows.get(row) - wasRows.getOrDefault(row, 0L)).as(id + " " + part + " by " + by + ": " + row)
            .isEqualTo(expectedRows.getOrDefault(row, 0L));
      }
    });
  }

  /** The test's own age bands, on the last day of the plan year. */
  private String band(LocalDate birth) {
    int age = Period.between(birth, lastDay).getYears();
    return age < 6 ? "0-5" : age < 11 ? "6-10" : age < 16 ? "11-15" : "16-17";
  }

  private static void assertTotalsAgree(Map<String, Object> figure) {
    if ("days".equals(figure.get("unit"))) {
      return;
    }
    for (Map<String, Object> split : splits(figure)) {
      long sum = rowsOf(split).stream().mapToLong(row -> number(row.get("numerator"))).sum();
      assertThat(sum).as(figure.get("id") + ": numerators by " + split.get("by")).isEqualTo(number(figure
          .get("numerator")));
      boolean counted = rowsOf(split).stream().allMatch(row -> row.get("denominator") != null);
      if (counted && figure.get("denominator") != null) {
        long denominators = rowsOf(split).stream().mapToLong(row -> number(row.get("denominator"))).sum();
        assertThat(denominators).as(figure.get("id") + ": denominators by " + split.get("by"))
            .isEqualTo(number(figure.get("denominator")));
      }
    }
  }

  // --- reading the answers ---

  private Map<String, Object> report(String user, String unit) {
    return report(user, unit, "");
  }

  private Map<String, Object> report(String user, String unit, String period) {
    ResponseEntity<Map<String, Object>> answer = http.withBasicAuth(user, "demo123")
        .exchange("/api/reports/indicators?unit=" + unit + "&" + period, HttpMethod.GET, null, MAP);
    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private ResponseEntity<Map<String, Object>> put(String user, Map<String, Object> body) {
    return http.withBasicAuth(user, "demo123").exchange("/api/reports/denominators", HttpMethod.PUT,
        new HttpEntity<>(body), MAP);
  }

  private void assertRefused(String user, String url, HttpStatus status, String message) {
    ResponseEntity<Map<String, Object>> answer = http.withBasicAuth(user, "demo123").exchange(url, HttpMethod.GET,
        null, MAP);
    assertThat(answer.getStatusCode()).as(url).isEqualTo(status);
    assertThat(String.valueOf(answer.getBody().get("message"))).as(url).contains(message);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> figures(Map<String, Object> report) {
    return (List<Map<String, Object>>) report.get("indicators");
  }

  static Map<String, Object> figure(Map<String, Object> report, String id) {
    return figures(report).stream().filter(f -> id.equals(f.get("id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no indicator " + id));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> splits(Map<String, Object> figure) {
    return (List<Map<String, Object>>) figure.get("breakdowns");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> rowsOf(Map<String, Object> split) {
    return (List<Map<String, Object>>) split.get("rows");
  }

  private static Map<String, Long> rows(Map<String, Object> figure, String by) {
    return rows(figure, by, "numerator");
  }

  private static Map<String, Long> rows(Map<String, Object> figure, String by, String part) {
    Map<String, Long> rows = new java.util.LinkedHashMap<>();
    splits(figure).stream().filter(split -> by.equals(split.get("by"))).findFirst().ifPresent(split ->
        rowsOf(split).forEach(row -> rows.put(String.valueOf(row.get("key")), number(row.get(part)))));
    return rows;
  }

  private static long numerator(Map<String, Object> report, String id) {
    return number(figure(report, id).get("numerator"));
  }

  private static long denominator(Map<String, Object> report, String id) {
    return number(figure(report, id).get("denominator"));
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
