package vn.nangbuoc.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.fund.FundReceipts;
import vn.nangbuoc.fund.ReceiptKind;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.organisation.ResponsibleAgency;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.routing.TaskRouting;

/**
 * Issue 20: no dead end in the pathway. For each approval tier, whoever of the tier's possible approvers (the members
 * of the routed group and of the substitutes the organisation names, theirs in turn) prepared the request, the
 * approval lands with a group he is not in, whose member sees it, gives it back ("Trả việc"), takes it again and
 * approves, and the case goes on. A possible approver outside the labour office joins its staff for the test, as
 * one who could prepare a referral.
 */
@NangBuocSpringTest
class ApprovalNeverWithItsPreparerTest {

  /** Below and above the 30,000,000 đ limit of the routing table. */
  private static final List<Long> TIERS = List.of(10_000_000L, 40_000_000L);

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  TaskRouting routing;
  @Autowired
  OrganisationDirectory organisation;
  @Autowired
  IdentityService identityService;
  @Autowired
  TaskService taskService;
  @Autowired
  TestRestTemplate http;
  @Autowired
  FundBooks books;
  @Autowired
  FundReceipts receipts;

  PathwayDriver driver;
  /** Memberships the test gave, taken back after it: the context is shared. */
  final List<String[]> joined = new ArrayList<>();

  @BeforeEach
  void setUp() {
    driver = new PathwayDriver(engine, listing);
  }

  @AfterEach
  void takeBackMemberships() {
    joined.forEach(membership -> identityService.deleteMembership(membership[0], membership[1]));
    joined.clear();
  }

  @Test
  void shouldLandEveryApprovalWithSomeoneElseWhoApprovesWhoeverOfTheTierPreparedIt() {
    // the walk approves every tier's amount once per possible approver: the fund is given what that takes
    receipts.receive(books.fundServing("MAIPHA"), ReceiptKind.DONATION, 500_000_000, "Hội Chữ thập đỏ thành phố",
        null, LocalDate.now(), "cvtaichinh");
    for (long cost : TIERS) {
      Set<String> approvers = possibleApprovers(cost);
      assertThat(approvers).as("approvers of " + cost).hasSizeGreaterThanOrEqualTo(2);
      for (String preparer : approvers) {
        String tier = cost + " đ prepared by " + preparer;
        ProcessInstance pathway = atPreparation(preparer);
        driver.prepareReferral(preparer, pathway, cost, true);

        Task approval = driver.task(pathway);
        assertThat(approval.getTaskDefinitionKey()).as(tier).isEqualTo(ChildPathway.TASK_APPROVE_FUNDING);
        String group = onlyCandidateGroup(approval);
        assertThat(memberOf(preparer, group)).as(tier + ": routed to " + group).isFalse();
        if (memberOf(preparer, routedGroup(cost))) {
          assertThat(approval.getDescription()).as(tier).contains("thay nhóm", "không được tự phê duyệt");
        }
        assertThat(visibleTasks(preparer, pathway)).as(tier + ": what the preparer sees").isEmpty();
        assertThat(post(preparer, approval, "claim", Map.of("userId", preparer)).getStatusCode().is2xxSuccessful())
            .as(tier).isFalse();

        String approver = members(group).stream().filter(user -> !user.equals(preparer)).findFirst().orElseThrow();
        assertThat(visibleTasks(approver, pathway)).as(tier).hasSize(1);
        assertThat(post(approver, approval, "claim", Map.of("userId", approver)).getStatusCode())
            .as(tier).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post(approver, approval, "unclaim", null).getStatusCode()).as(tier + ": Trả việc")
            .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskService.createTaskQuery().taskId(approval.getId()).singleResult().getAssignee()).isNull();
        assertThat(post(approver, approval, "claim", Map.of("userId", approver)).getStatusCode())
            .as(tier).isEqualTo(HttpStatus.NO_CONTENT);
        driver.approve(approver, pathway, "APPROVED");

        assertThat(driver.task(pathway).getTaskDefinitionKey()).as(tier)
            .isEqualTo(ChildPathway.TASK_RECORD_DISBURSEMENT);
        takeBackMemberships();
      }
    }
  }

  @Test
  void shouldHandTheTopUpOfTheHeadsOwnReferralToHisSubstituteToo() {
    ProcessInstance pathway = atPreparation("tpldtbxh");
    driver.prepareReferral("tpldtbxh", pathway, 12_000_000, true);
    String substitute = onlyCandidateGroup(driver.task(pathway));
    String approver = members(substitute).get(0);
    driver.approve(approver, pathway, "APPROVED");
    driver.disburse(pathway, 11_500_000);
    driver.surgeryDone(pathway);

    driver.settle(pathway, 20_000_000);

    Task topUp = driver.task(pathway);
    assertThat(topUp.getTaskDefinitionKey()).isEqualTo(ChildPathway.TASK_APPROVE_TOP_UP);
    assertThat(onlyCandidateGroup(topUp)).isEqualTo(substitute).isNotEqualTo(routedGroup(20_000_000));
    assertThat(visibleTasks("tpldtbxh", pathway)).isEmpty();
    driver.complete(approver, pathway, ChildPathway.TASK_APPROVE_TOP_UP,
        PathwayDriver.vars(ChildPathway.VAR_TOP_UP_DECISION, "APPROVED"));
    assertThat(taskService.createTaskQuery().processInstanceId(pathway.getId()).count()).isZero();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pathway.getId())
        .singleResult()).as("waiting for the follow-up").isNotNull();
  }

  @Test
  void shouldPassOverASubstituteNobodyHolds() {
    long cost = TIERS.get(0);
    List<String> chain = List.copyOf(chainOf(cost));
    String vacant = chain.get(1);
    List<String> holders = members(vacant);
    holders.forEach(user -> identityService.deleteMembership(user, vacant));
    try {
      ProcessInstance pathway = atPreparation("tpldtbxh");
      driver.prepareReferral("tpldtbxh", pathway, cost, true);

      assertThat(onlyCandidateGroup(driver.task(pathway))).isEqualTo(chain.get(2));
    } finally {
      holders.forEach(user -> identityService.createMembership(user, vacant));
    }
  }

  @Test
  void shouldSayWhatIsNeededAndLetThePreparerReturnWhenNoSubstituteIsClean() {
    long cost = TIERS.get(0);
    String head = routedGroup(cost);
    List<String> onlyMembers = members(head);
    assertThat(onlyMembers).as("the office head alone decides the tier, as in issue 20").containsExactly("tpldtbxh");
    // the head is in every substitute's group too: nobody else may decide
    chainOf(cost).stream().filter(group -> !memberOf("tpldtbxh", group)).forEach(group -> join("tpldtbxh", group));
    ProcessInstance pathway = atPreparation("tpldtbxh");
    driver.prepareReferral("tpldtbxh", pathway, cost, true);

    Task approval = driver.task(pathway);
    assertThat(onlyCandidateGroup(approval)).isEqualTo(head);
    assertThat(approval.getDescription()).contains("không có ai khác ngoài người lập đề nghị", "người thay thế",
        "Trả lại");
    assertThatThrownBy(() -> driver.approve("tpldtbxh", pathway, "APPROVED"))
        .hasMessageContaining("không được tự phê duyệt");
    driver.approve("tpldtbxh", pathway, "RETURNED");

    assertThat(driver.task(pathway).getTaskDefinitionKey()).isEqualTo(ChildPathway.TASK_PREPARE_REFERRAL);
  }

  /** A screened child whose referral the preparer may prepare: a member of the group it is routed to. */
  private ProcessInstance atPreparation(String preparer) {
    ProcessInstance pathway = driver.listEligibleChild();
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");
    String coordination = onlyCandidateGroup(driver.task(pathway));
    if (!memberOf(preparer, coordination)) {
      join(preparer, coordination);
    }
    return pathway;
  }

  private String routedGroup(long cost) {
    return routing.route(ChildPathway.TASK_APPROVE_FUNDING, "MAIPHA", cost).agency().groupId();
  }

  /** The routed group, then the substitutes the organisation names for it, and theirs. */
  private Set<String> chainOf(long cost) {
    Set<String> groups = new LinkedHashSet<>();
    Deque<ResponsibleAgency> next = new ArrayDeque<>(List.of(
        routing.route(ChildPathway.TASK_APPROVE_FUNDING, "MAIPHA", cost).agency()));
    while (!next.isEmpty()) {
      ResponsibleAgency agency = next.poll();
      if (groups.add(agency.groupId())) {
        next.addAll(organisation.substitutesOf(agency));
      }
    }
    return groups;
  }

  private Set<String> possibleApprovers(long cost) {
    Set<String> users = new LinkedHashSet<>();
    chainOf(cost).forEach(group -> users.addAll(members(group)));
    return users;
  }

  private List<String> members(String group) {
    return identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
        .map(User::getId).toList();
  }

  private boolean memberOf(String user, String group) {
    return identityService.createUserQuery().userId(user).memberOfGroup(group).count() > 0;
  }

  private void join(String user, String group) {
    identityService.createMembership(user, group);
    joined.add(new String[] {user, group});
  }

  private String onlyCandidateGroup(Task task) {
    List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId).toList();
    assertThat(groups).hasSize(1);
    return groups.get(0);
  }

  /** The pathway's open tasks the user finds over the engine's REST API, as Tasklist asks. */
  private List<?> visibleTasks(String user, ProcessInstance pathway) {
    return as(user).getForObject("/engine-rest/task?processInstanceId=" + pathway.getId()
        + "&firstResult=0&maxResults=10", List.class);
  }

  private ResponseEntity<String> post(String user, Task task, String action, Object body) {
    return as(user).exchange("/engine-rest/task/" + task.getId() + "/" + action, HttpMethod.POST,
        new HttpEntity<>(body), String.class);
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo123");
  }
}
