package vn.nangbuoc.reorganisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocApplication;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStatus;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.fund.Balance;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.fund.FundReceipts;
import vn.nangbuoc.fund.ReceiptKind;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.security.RoutedGroups;

/**
 * The 2024 city becomes the post-2025 shape with its ready change set while cases run: cases wait at every
 * kind of step (and some are closed, some have money reserved or wait in line for it), the change set is
 * previewed, applied with a stop after its first batch and resumed, and then every open task sits with a
 * staffed group of the new structure serving the child's new ward, the new agencies read every case and the
 * ended ones nothing, the money adds up on both funds, a second apply changes nothing, and cases go on to
 * their end in the new structure. Its own application, database and engine: the shared context stays the city.
 * Run on H2 ({@link CityReformScenarioTest}) and PostgreSQL ({@link CityReformScenarioPostgresIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CityReformScenario {

  static final String CHANGE_SET = "organisation/lang-son-city-2025-reform.yaml";
  static final String CITY_FUND = "quyBttTpLangSon";
  static final String PROVINCE_FUND = "quyBttTinhLangSon";

  static ConfigurableApplicationContext city;
  static PathwayDriver driver;
  static JdbcClient jdbc;
  static ProcessEngine engine;

  /** The database arguments of the application, and the profiles that go with them. */
  abstract List<String> database();

  abstract String[] profiles();

  @BeforeAll
  void startTheCity() {
    city = startACity(database(), profiles(), "cityreform");
    engine = city.getBean(ProcessEngine.class);
    driver = new PathwayDriver(engine, city.getBean(ListingService.class));
    jdbc = city.getBean(JdbcClient.class);
  }

  /** The 2024 city, without web server, on the database given, with batches of three cases. */
  static ConfigurableApplicationContext startACity(List<String> database, String[] profiles, String engineName) {
    List<String> arguments = new java.util.ArrayList<>(database);
    arguments.addAll(List.of("--spring.autoconfigure.exclude="
                + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
            "--camunda.bpm.process-engine-name=" + engineName,
            "--nangbuoc.organisation.file=classpath:organisation/lang-son-city.yaml",
            "--nangbuoc.demo.users-file=classpath:demo/lang-son-city-users.yaml",
            "--nangbuoc.reorganisation.batch-size=3",
            "--nangbuoc.mail.local-server.enabled=false"));
    return new SpringApplicationBuilder(NangBuocApplication.class)
        .profiles(profiles)
        .web(WebApplicationType.NONE)
        .run(arguments.toArray(String[]::new));
  }

  @AfterAll
  void stopTheCity() {
    if (city != null) {
      city.close();
    }
  }

  @Test
  void shouldCarryEveryCaseIntoTheNewStructureAndLetItGoOn() throws IOException {
    FundReceipts receipts = city.getBean(FundReceipts.class);
    FundBooks books = city.getBean(FundBooks.class);
    receipts.receive(CITY_FUND, ReceiptKind.BUDGET, 60_000_000, "Ngân sách thành phố", null, LocalDate.now(),
        "cvtaichinh");

    Map<String, ProcessInstance> cases = new LinkedHashMap<>();
    cases.put("at review", listed("MAIPHA"));
    cases.put("at screening", reviewed("DONGKINH"));
    cases.put("at referral", screened("CHILANG"));
    cases.put("at approval", referred("MAIPHA", 12_000_000));
    cases.put("at large approval", referred("HOANGDONG", 45_000_000));
    ProcessInstance reserved = referred("QUANGLAC", 20_000_000);
    driver.approve("tpldtbxh", reserved, "APPROVED");
    cases.put("money reserved, at payment", reserved);
    ProcessInstance waiting = referred("VINHTRAI", 35_000_000);
    driver.approve("pctubnd", waiting, "WAITING");
    cases.put("in line for money", waiting);
    ProcessInstance closed = listed("TAMTHANH");
    driver.review(closed, "NOT_ELIGIBLE");
    Balance cityBefore = books.balance(CITY_FUND);
    assertThat(cityBefore.reserved()).isEqualTo(20_000_000);
    assertThat(caseOf(closed).status()).isEqualTo(CaseStatus.CLOSED);

    ReorganisationRun run = city.getBean(ReorganisationRun.class);
    String changeSet = new ClassPathResource(CHANGE_SET).getContentAsString(StandardCharsets.UTF_8);
    Reorganisations.Reorganisation uploaded = run.upload(changeSet, "quantri");
    // the preview changed nothing and found nothing blocking
    assertThat(uploaded.preview()).contains("\"problems\":[]");
    assertThat(uploaded.preview()).contains("Phường Kỳ Lừa").contains(PROVINCE_FUND);
    assertThat(caseOf(cases.get("at review")).communeCode()).isEqualTo("MAIPHA");
    assertThat(groupsOf(cases.get("at approval"))).containsExactly("ldtbxhTpLangSonHead");
    assertThat(routedOf(cases.get("at approval"))).containsExactly("ldtbxhTpLangSonHead");

    // stopped after its first batch (as by a stop, or a crash after it), then resumed
    Reorganisations.Reorganisation stopped = run.apply(uploaded.id(), "quantri", 1);
    assertThat(stopped.status()).isEqualTo(ReorganisationStatus.STOPPED);
    assertThat(city.getBean(Reorganisations.class).progress(uploaded.id()).carried()).isEqualTo(3);
    Reorganisations.Reorganisation applied = run.apply(uploaded.id(), "quantri", Integer.MAX_VALUE);
    assertThat(applied.status()).isEqualTo(ReorganisationStatus.APPLIED);

    thenEveryOpenTaskSitsWithAStaffedGroupServingTheNewWard(cases);
    thenTheNewAgenciesReadEveryCaseAndTheEndedOnesNothing(cases, closed);
    Balance cityAfter = books.balance(CITY_FUND);
    Balance provinceAfter = books.balance(PROVINCE_FUND);
    assertThat(cityAfter.available()).isZero();
    assertThat(cityAfter.reserved()).isZero();
    assertThat(provinceAfter.available() + provinceAfter.reserved())
        .isEqualTo(cityBefore.available() + cityBefore.reserved());
    assertThat(caseOf(closed).communeCode()).isEqualTo("PTAMTHANH");
    assertThat(caseOf(closed).caseNumber()).startsWith("TPLANGSON-");

    // a second apply changes nothing
    Map<String, Long> before = footprint();
    assertThat(run.apply(uploaded.id(), "quantri", Integer.MAX_VALUE).status()).isEqualTo(ReorganisationStatus.APPLIED);
    assertThat(footprint()).isEqualTo(before);

    thenCasesGoOnInTheNewStructure(cases, books, receipts);
    // a child of a commune that merged is listed in the new ward; the old one says where to go
    assertThatThrownBy(() -> listed("MAIPHA")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Xã Mai Pha không còn từ ngày 01/07/2025 (nay thuộc Phường Kỳ Lừa)");
    assertThat(driver.list("cbmaipha", PathwayDriver.child("PKYLUA", LocalDate.now().minusYears(4),
        ConditionGroup.CLEFT_LIP_PALATE)).getBusinessKey()).startsWith("LANGSON-");
  }

  @Test
  void shouldRefuseAChangeSetThatCannotBeRead() {
    ReorganisationRun run = city.getBean(ReorganisationRun.class);
    assertThatThrownBy(() -> run.upload("name: thử\nchanges:\n  - merge: [MAIPHA]\n", "quantri"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("effective").hasMessageContaining("into");
    assertThatThrownBy(() -> run.upload("name: [", "quantri"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("YAML");
  }

  private void thenEveryOpenTaskSitsWithAStaffedGroupServingTheNewWard(Map<String, ProcessInstance> cases) {
    OrganisationDirectory organisation = city.getBean(OrganisationDirectory.class);
    IdentityService identity = engine.getIdentityService();
    for (Map.Entry<String, ProcessInstance> entry : cases.entrySet()) {
      CaseFile file = caseOf(entry.getValue());
      assertThat(file.communeCode()).as(entry.getKey()).startsWith("P");
      Set<String> serving = new HashSet<>(organisation.groupsServing(file.communeCode()));
      // the record that gives the work moved with the candidate group, in the same transaction
      assertThat(routedOf(entry.getValue())).as(entry.getKey() + " routed").isEqualTo(groupsOf(entry.getValue()));
      for (String group : groupsOf(entry.getValue())) {
        assertThat(serving).as(entry.getKey() + " → " + group).contains(group);
        assertThat(identity.createUserQuery().memberOfGroup(group).count()).as(group).isPositive();
      }
    }
    assertThat(groupsOf(cases.get("at review"))).containsExactly("vhxhPKyLua");
    assertThat(groupsOf(cases.get("at screening"))).containsExactly("ttytKvLangSon");
    assertThat(groupsOf(cases.get("at approval"))).containsExactly("syteLangSonHead");
    assertThat(groupsOf(cases.get("at large approval"))).containsExactly("ubndTinhLangSonVice");
    assertThat(groupsOf(cases.get("money reserved, at payment"))).containsExactly("quyBttTinhLangSon");
  }

  private void thenTheNewAgenciesReadEveryCaseAndTheEndedOnesNothing(Map<String, ProcessInstance> cases,
      ProcessInstance closed) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (String ended : List.of("ubndMaiPha", "ubndTamThanh", "ldtbxhTpLangSon", "ldtbxhTpLangSonHead",
        "ttytTpLangSon", "quyBttTpLangSon", "thanhtraTpLangSon", "ubndTpLangSonVice")) {
      assertThat(authorizations.createAuthorizationQuery().groupIdIn(ended).count()).as(ended).isZero();
    }
    for (ProcessInstance pathway : List.of(cases.get("at review"), closed)) {
      String ward = caseOf(pathway).communeCode();
      for (String reader : List.of("ubnd" + camel(ward), "vhxh" + camel(ward), "thanhtraTinhLangSon")) {
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(reader)
            .resourceType(Resources.HISTORIC_PROCESS_INSTANCE).resourceId(pathway.getId()).count())
            .as(reader + " reads " + ward).isEqualTo(1);
      }
    }
  }

  private void thenCasesGoOnInTheNewStructure(Map<String, ProcessInstance> cases, FundBooks books,
      FundReceipts receipts) {
    ProcessInstance review = cases.get("at review");
    driver.review(review, "ACCEPT");
    driver.screen(review, "SURGERY");
    driver.prepareReferral("cvldtbxh", review, 8_000_000, true);
    driver.approve("tpldtbxh", review, "APPROVED");
    driver.disburse(review, 8_000_000);
    driver.surgeryDone(review);
    driver.settle(review, 8_000_000);
    for (int visit = 0; visit < 3; visit++) {
      driver.followUp(review);
    }
    driver.close(review, "SURGERY_COMPLETED");
    assertThat(caseOf(review).status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(caseOf(review).communeCode()).isEqualTo("PKYLUA");

    ProcessInstance reserved = cases.get("money reserved, at payment");
    driver.disburse(reserved, 20_000_000);
    assertThat(books.balance(PROVINCE_FUND).disbursed()).isEqualTo(28_000_000);
    // the request that waited in the city's line is served by the province fund's next receipt
    receipts.receive(PROVINCE_FUND, ReceiptKind.DONATION, 35_000_000, "Hội Chữ thập đỏ tỉnh", null,
        LocalDate.now(), "ktquy");
    assertThat(driver.task(cases.get("in line for money")).getTaskDefinitionKey())
        .isEqualTo(ChildPathway.TASK_RECORD_DISBURSEMENT);
    thenTheOldGroupNoLongerWorksARoutedTask(cases.get("at approval"));
  }

  /**
   * The approval went from the city's labour office to the province's health department: a member of the old
   * group, even with the old candidate link put back by hand (and the engine's grant with it), does not decide.
   */
  private void thenTheOldGroupNoLongerWorksARoutedTask(ProcessInstance approval) {
    String old = "ldtbxhTpLangSonHead";
    IdentityService identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(old).count() == 0) {
      identity.saveGroup(identity.newGroup(old));
    }
    identity.saveUser(identity.newUser("cureformold"));
    identity.createMembership("cureformold", old);
    engine.getTaskService().addCandidateGroup(driver.task(approval).getId(), old);

    assertThatThrownBy(() -> driver.approve("cureformold", approval, "APPROVED"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("không thuộc cơ quan được giao");
    assertThat(routedOf(approval)).containsExactly("syteLangSonHead");
  }

  private static List<String> routedOf(ProcessInstance pathway) {
    RoutedGroups routed = city.getBean(RoutedGroups.class);
    List<String> groups = new java.util.ArrayList<>();
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(pathway.getId()).list()) {
      groups.addAll(routed.of(task.getId()));
    }
    return groups;
  }

  private static String camel(String wardCode) {
    return switch (wardCode) {
      case "PKYLUA" -> "PKyLua";
      case "PTAMTHANH" -> "PTamThanh";
      case "PDONGKINH" -> "PDongKinh";
      default -> "PLuongVanTri";
    };
  }

  /** What a second apply could change: case files, rights, tasks' groups, the ledger. */
  private static Map<String, Long> footprint() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String sql : List.of("select count(*) from case_file where commune_code like 'P%'",
        "select count(*) from case_step_record", "select count(*) from fund_entry",
        "select count(*) from ACT_RU_AUTHORIZATION", "select count(*) from ACT_RU_IDENTITYLINK",
        "select coalesce(sum(version), 0) from case_file", "select count(*) from agency_successor")) {
      counts.put(sql, jdbc.sql(sql).query(Long.class).single());
    }
    return counts;
  }

  private static ProcessInstance listed(String commune) {
    String caseworker = "cb" + switch (commune) {
      case "HOANGVANTHU" -> "hoangvanthu";
      default -> commune.toLowerCase();
    };
    return driver.list(caseworker, PathwayDriver.child(commune, LocalDate.now().minusYears(5),
        ConditionGroup.CLEFT_LIP_PALATE));
  }

  private static ProcessInstance reviewed(String commune) {
    ProcessInstance pathway = listed(commune);
    driver.review(pathway, "ACCEPT");
    return pathway;
  }

  private static ProcessInstance screened(String commune) {
    ProcessInstance pathway = reviewed(commune);
    driver.screen(pathway, "SURGERY");
    return pathway;
  }

  private static ProcessInstance referred(String commune, long cost) {
    ProcessInstance pathway = screened(commune);
    driver.prepareReferral("cvldtbxh", pathway, cost, true);
    return pathway;
  }

  private static CaseFile caseOf(ProcessInstance pathway) {
    CaseFileService caseFiles = city.getBean(CaseFileService.class);
    return caseFiles.getByProcessInstance(pathway.getId());
  }

  private static List<String> groupsOf(ProcessInstance pathway) {
    List<String> groups = new java.util.ArrayList<>();
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(pathway.getId()).list()) {
      for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
    }
    return groups;
  }
}
