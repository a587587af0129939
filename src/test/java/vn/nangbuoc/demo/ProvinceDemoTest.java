package vn.nangbuoc.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.nangbuoc.NangBuocApplication;
import vn.nangbuoc.benchmark.SurgeryPath;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStatus;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.organisation.ResponsibleAgency;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.routing.Route;
import vn.nangbuoc.routing.TaskRouting;
import vn.nangbuoc.security.Roles;

/**
 * README's default demo, the province after the 2025 reform, works: its organisation file and its demo users
 * route every task of the pathway to people, and one child goes the whole surgery path. The shared test
 * context runs on the 2024 city, so this class starts its own application on the province files, on its own
 * in-memory database and engine, without the web server and webapps (they keep static state per JVM, as in
 * TwoNodesShareTheOutboxPostgresIT), and closes it after the class.
 */
class ProvinceDemoTest {

  static final List<String> NEW_COMMUNES = List.of("PDONGKINH", "PLUONGVANTRI", "PTAMTHANH", "PKYLUA",
      "XDONGDANG", "XCAOLOC");

  static ConfigurableApplicationContext province;

  @BeforeAll
  static void startTheProvinceDemo() {
    province = new SpringApplicationBuilder(NangBuocApplication.class)
        .profiles("test")
        .web(WebApplicationType.NONE)
        // as arguments, which outrank application-test.yaml (it names the city's files)
        .run("--spring.autoconfigure.exclude="
                + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
            "--spring.datasource.url=jdbc:h2:mem:nangbuoc-province;DB_CLOSE_DELAY=-1",
            "--camunda.bpm.process-engine-name=province",
            "--nangbuoc.organisation.file=classpath:organisation/lang-son-province.yaml",
            "--nangbuoc.demo.users-file=classpath:demo/lang-son-province-users.yaml",
            "--nangbuoc.mail.local-server.enabled=false");
  }

  @AfterAll
  static void stopTheProvinceDemo() {
    if (province != null) {
      province.close();
    }
  }

  @Test
  void shouldRouteEveryUserTaskOfEveryNewCommuneToAStaffedGroupOfTheNewStructure() {
    TaskRouting routing = province.getBean(TaskRouting.class);
    IdentityService identity = province.getBean(IdentityService.class);
    OrganisationDirectory organisation = province.getBean(OrganisationDirectory.class);
    List<UserTask> tasks = List.copyOf(Bpmn.readModelFromFile(new File("bpmn/child-pathway.bpmn"))
        .getModelElementsByType(UserTask.class));
    assertThat(tasks).hasSizeGreaterThan(10);
    for (UserTask task : tasks) {
      for (String commune : NEW_COMMUNES) {
        for (Long cost : List.of(5_000_000L, 50_000_000L)) {
          Route route = routing.route(task.getId(), commune, cost);
          String group = route.agency().groupId();
          assertThat(route.deadlineWorkingDays()).isPositive();
          assertThat(identity.createUserQuery().memberOfGroup(group).count())
              .as(task.getId() + " in " + commune + " → " + group).isPositive();
          // the commune's own office or the province's: no district in between any more
          assertThat(organisation.agencyOfGroup(group).orElseThrow().unitCode()).as(group).isIn(commune, "LANGSON");
        }
      }
    }
  }

  @Test
  void shouldGiveReviewToTheCommunesCultureSocialOfficeAndApprovalsToTheProvince() {
    TaskRouting routing = province.getBean(TaskRouting.class);
    ResponsibleAgency review = routing.route(ChildPathway.TASK_REVIEW_LISTING, "PDONGKINH", null).agency();
    assertThat(review.groupId()).isEqualTo("vhxhPDongKinh");
    assertThat(review.kind()).isEqualTo("COMMUNE_CULTURE_SOCIAL");
    assertThat(review.agencyName()).isEqualTo("Phòng Văn hóa – Xã hội phường Đông Kinh");
    assertThat(routing.route(ChildPathway.TASK_REVIEW_LISTING, "XCAOLOC", null).agency().groupId())
        .isEqualTo("vhxhXCaoLoc");
    assertThat(routing.route(ChildPathway.TASK_FOLLOW_UP_VISIT, "PDONGKINH", null).agency().groupId())
        .isEqualTo("ubndPDongKinh");

    for (String commune : NEW_COMMUNES) {
      assertThat(routing.route(ChildPathway.TASK_APPROVE_FUNDING, commune, 30_000_000L).agency().groupId())
          .isEqualTo("syteLangSonHead");
      assertThat(routing.route(ChildPathway.TASK_APPROVE_FUNDING, commune, 30_000_001L).agency().groupId())
          .isEqualTo("ubndTinhLangSonVice");
    }
  }

  @Test
  void shouldGiveEachDemoUserTheRoleTheirOfficeHas() {
    Roles roles = province.getBean(Roles.class);
    assertThat(roles.isCaseworker("cbpdongkinh")).isTrue();
    assertThat(roles.isCaseworker("vhxhpdongkinh")).isTrue();
    assertThat(roles.isApprover("pgdsyte")).isTrue();
    assertThat(roles.isApprover("pctubndtinh")).isTrue();
    assertThat(roles.isFinance("ktquytinh")).isTrue();
    assertThat(roles.isFinance("tqquytinh")).isTrue();
    assertThat(roles.isAuditor("thanhtratinh")).isTrue();
    assertThat(roles.isAdministrator("quantri")).isTrue();
    assertThat(roles.isCaseworker("pgdsyte")).isFalse();
    assertThat(roles.isFinance("vhxhpdongkinh")).isFalse();
    assertThat(province.getBean(FundBooks.class).fundServing("XDONGDANG")).isEqualTo("quyBttTinhLangSon");
  }

  @Test
  void shouldCarryAChildOfTheNewWardThroughTheSurgeryPathByTheProvinceUsers() {
    ProcessEngine engine = province.getBean(ProcessEngine.class);
    SurgeryPath path = new SurgeryPath(engine, province.getBean(ListingService.class),
        province.getBean(OrganisationDirectory.class));
    FundBooks funds = province.getBean(FundBooks.class);
    long disbursedBefore = funds.balance("quyBttTinhLangSon").disbursed();

    String pathway = path.list(PathwayDriver.child("PDONGKINH", LocalDate.now().minusYears(6),
        ConditionGroup.CLEFT_LIP_PALATE));
    path.walk(pathway, SurgeryPath.STEPS.size(), 12_000_000L);

    CaseFile file = province.getBean(CaseFileService.class).getByProcessInstance(pathway);
    assertThat(file.caseNumber()).startsWith("LANGSON-");
    assertThat(file.listedBy()).isEqualTo("cbpdongkinh");
    assertThat(file.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(file.closureOutcome()).isEqualTo("SURGERY_COMPLETED");
    assertThat(completedBy(engine.getHistoryService(), pathway)).containsExactlyInAnyOrderEntriesOf(Map.of(
        ChildPathway.TASK_REVIEW_LISTING, "vhxhpdongkinh",
        ChildPathway.TASK_RECORD_SCREENING, "bsttytkv",
        ChildPathway.TASK_PREPARE_REFERRAL, "vhxhpdongkinh",
        ChildPathway.TASK_APPROVE_FUNDING, "pgdsyte",
        ChildPathway.TASK_RECORD_DISBURSEMENT, "ktquytinh",
        ChildPathway.TASK_RECORD_SURGERY_RESULT, "vhxhpdongkinh",
        ChildPathway.TASK_SETTLE_COSTS, "ktquytinh",
        ChildPathway.TASK_FOLLOW_UP_VISIT, "cbpdongkinh",
        ChildPathway.TASK_CLOSE_CASE, "vhxhpdongkinh"));
    assertThat(funds.balance("quyBttTinhLangSon").disbursed()).isGreaterThan(disbursedBefore);

    // the province's auditor reads the closed case; another commune's caseworker does not
    HistoryService history = engine.getHistoryService();
    assertThat(path.as("thanhtratinh", () -> history.createHistoricProcessInstanceQuery()
        .processInstanceId(pathway).count())).isEqualTo(1);
    assertThat(path.as("cbxcaoloc", () -> history.createHistoricProcessInstanceQuery()
        .processInstanceId(pathway).count())).isZero();
  }

  /** Who completed each step of the pathway (the last one, for the three follow-up visits). */
  private static Map<String, String> completedBy(HistoryService history, String pathway) {
    Map<String, String> keyOfTask = new HashMap<>();
    history.createHistoricTaskInstanceQuery().processInstanceId(pathway).list()
        .forEach(task -> keyOfTask.put(task.getId(), task.getTaskDefinitionKey()));
    Map<String, String> users = new HashMap<>();
    history.createUserOperationLogQuery().processInstanceId(pathway)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()
        .forEach(entry -> users.put(keyOfTask.get(entry.getTaskId()), entry.getUserId()));
    return users;
  }
}
