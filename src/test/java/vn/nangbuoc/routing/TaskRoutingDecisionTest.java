package vn.nangbuoc.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The task-routing table as the standalone DMN engine evaluates it: no Spring, no process engine. */
class TaskRoutingDecisionTest {

  private static final Path TABLE = Path.of("bpmn/task-routing.dmn");
  /** The models whose tasks the table routes: a child's pathway, a unit's report. */
  private static final List<Path> MODELS = List.of(Path.of("bpmn/child-pathway.bpmn"),
      Path.of("bpmn/unit-report.bpmn"));
  private static final String APPROVE_FUNDING = "Task_ApproveFunding";

  /** Ids of the rules matched by the last evaluation, recorded by the engine's table listener. */
  private static List<String> lastMatchedRuleIds = List.of();
  private static DmnEngine engine;
  private static DmnDecision decision;

  record RouteCase(String taskKey, Long estimatedCost, String duty, String staffRole, int deadlineDays) {
  }

  static Stream<RouteCase> routes() {
    return Stream.of(
        new RouteCase("Task_CompleteListing", null, "COMMUNE_CHILD_CARE", "STAFF", 5),
        new RouteCase("Task_ReviewListing", null, "CASE_COORDINATION", "STAFF", 5),
        new RouteCase("Task_RecordScreening", null, "MEDICAL_SCREENING", "STAFF", 10),
        new RouteCase("Task_PrepareReferral", null, "CASE_COORDINATION", "STAFF", 5),
        new RouteCase("Task_CounselFamily", null, "COMMUNE_CHILD_CARE", "STAFF", 7),
        new RouteCase(APPROVE_FUNDING, 0L, "FUNDING_APPROVAL", "HEAD", 3),
        new RouteCase(APPROVE_FUNDING, 30_000_000L, "FUNDING_APPROVAL", "HEAD", 3),
        new RouteCase(APPROVE_FUNDING, 30_000_001L, "LARGE_FUNDING_APPROVAL", "VICE_CHAIRMAN", 5),
        new RouteCase(APPROVE_FUNDING, 150_000_000L, "LARGE_FUNDING_APPROVAL", "VICE_CHAIRMAN", 5),
        // once a cost is known the other tasks still ignore it
        new RouteCase("Task_RecordDisbursement", 45_000_000L, "FUND_PAYMENT", "STAFF", 5),
        new RouteCase("Task_SeekOtherFunding", 45_000_000L, "CASE_COORDINATION", "STAFF", 10),
        new RouteCase("Task_RecordSurgeryResult", 12_000_000L, "CASE_COORDINATION", "STAFF", 5),
        new RouteCase("Task_ArrangeService", null, "CASE_COORDINATION", "STAFF", 10),
        new RouteCase("Task_FollowUpVisit", null, "COMMUNE_CHILD_CARE", "STAFF", 5),
        new RouteCase("Task_CloseCase", 12_000_000L, "CASE_COORDINATION", "STAFF", 5),
        new RouteCase("Task_SettleCosts", 12_000_000L, "FUND_PAYMENT", "STAFF", 10),
        new RouteCase("Task_ApproveTopUp", 30_000_000L, "FUNDING_APPROVAL", "HEAD", 3),
        new RouteCase("Task_ApproveTopUp", 30_000_001L, "LARGE_FUNDING_APPROVAL", "VICE_CHAIRMAN", 5),
        // a unit's report: its own officer and head, then the office of the unit it reports to
        new RouteCase("Task_PrepareUnitReport", null, "UNIT_REPORTING", "STAFF", 5),
        new RouteCase("Task_SignOffUnitReport", null, "UNIT_REPORTING", "HEAD", 3),
        new RouteCase("Task_ReviewUnitReport", null, "REPORT_RECEIVING", "STAFF", 10));
  }

  @BeforeAll
  static void parseTable() throws IOException {
    DmnDecisionTableEvaluationListener recordMatches = event -> lastMatchedRuleIds =
        event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
        .customPostDecisionTableEvaluationListeners(List.of(recordMatches))
        .buildEngine();
    try (InputStream in = Files.newInputStream(TABLE)) {
      decision = engine.parseDecision("task-routing", in);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("routes")
  void shouldRouteEachTaskToItsAgencyRoleAndDeadline(RouteCase route) {
    // when
    DmnDecisionTableResult result = evaluate(route.taskKey(), route.estimatedCost());

    // then
    assertThat(result).hasSize(1);
    DmnDecisionRuleResult rule = result.getSingleResult();
    assertThat((String) rule.getEntry("duty")).isEqualTo(route.duty());
    assertThat((String) rule.getEntry("staffRole")).isEqualTo(route.staffRole());
    assertThat((Object) rule.getEntry("deadlineDays")).isEqualTo(route.deadlineDays());
  }

  @Test
  void shouldHitEveryRuleOfTheTableWithTheCasesAbove() throws IOException {
    // given
    Set<String> allRuleIds = Dmn.readModelFromFile(TABLE.toFile()).getModelElementsByType(Rule.class).stream()
        .map(Rule::getId)
        .collect(Collectors.toSet());

    // when
    Set<String> hit = new HashSet<>();
    routes().forEach(route -> {
      evaluate(route.taskKey(), route.estimatedCost());
      hit.addAll(lastMatchedRuleIds);
    });

    // then
    assertThat(allRuleIds).hasSize(19);
    assertThat(hit).containsExactlyInAnyOrderElementsOf(allRuleIds);
  }

  @Test
  void shouldMatchNoRuleForAnUnknownTask() {
    DmnDecisionTableResult result = evaluate("Task_Unknown", 10_000_000L);

    assertThat(result).isEmpty();
    assertThat(lastMatchedRuleIds).isEmpty();
  }

  @Test
  void shouldMatchNoRuleForFundingApprovalWithoutACost() {
    DmnDecisionTableResult result = evaluate(APPROVE_FUNDING, null);

    assertThat(result).isEmpty();
    assertThat(lastMatchedRuleIds).isEmpty();
  }

  /**
   * Every user task routes through this table when created, so a task without a row cannot start;
   * and a row for a task no model has any more is a leftover.
   */
  @Test
  void shouldNameExactlyTheUserTasksOfTheModels() {
    // given
    Set<String> userTasks = MODELS.stream()
        .flatMap(model -> Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class).stream())
        .map(UserTask::getId)
        .collect(Collectors.toSet());
    List<String> routedTasks = new ArrayList<>();

    // when
    for (String task : userTasks) {
      DmnDecisionTableResult result = evaluate(task, task.startsWith("Task_Approve") ? 1_000_000L : null);
      if (result.size() == 1) {
        routedTasks.add(task);
      }
    }
    Set<String> tasksInTable = Dmn.readModelFromFile(TABLE.toFile()).getModelElementsByType(Rule.class).stream()
        .map(rule -> rule.getInputEntries().iterator().next().getText().getTextContent().strip().replace("\"", ""))
        .collect(Collectors.toSet());

    // then
    assertThat(routedTasks).containsExactlyInAnyOrderElementsOf(userTasks);
    assertThat(tasksInTable).isEqualTo(userTasks);
  }

  private static DmnDecisionTableResult evaluate(String taskKey, Long estimatedCost) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("taskKey", taskKey);
    inputs.put("estimatedCost", estimatedCost);
    lastMatchedRuleIds = List.of();
    return engine.evaluateDecisionTable(decision, inputs);
  }
}
