package vn.nangbuoc.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import vn.nangbuoc.pathway.ChildPathway;

class AmountDependenceTest {

  @Test
  void shouldFindTheTasksWhoseRulesLookAtTheAmountInTheDeployedTable() throws IOException {
    AmountDependence dependence = of(Files.readString(Path.of("bpmn/task-routing.dmn")));

    assertThat(dependence.allTasks()).isFalse();
    assertThat(dependence.taskKeys()).containsExactlyInAnyOrder(ChildPathway.TASK_APPROVE_FUNDING, "Task_ApproveTopUp");
    assertThat(dependence.dependsOnAmount(ChildPathway.TASK_RECORD_DISBURSEMENT)).isFalse();
  }

  @Test
  void shouldPutAmountsOnTheSameSideOfTheApprovalLimitInOneBand() throws IOException {
    AmountDependence dependence = of(Files.readString(Path.of("bpmn/task-routing.dmn")));
    String approval = ChildPathway.TASK_APPROVE_FUNDING;

    assertThat(dependence.limitsOfTask().get(approval)).containsExactly(new BigDecimal("30000000"));
    assertThat(dependence.amountPart(approval, 5_000_000L)).isEqualTo(dependence.amountPart(approval, 29_999_000L))
        .isEqualTo(new AmountDependence.Band(0));
    assertThat(dependence.amountPart(approval, 30_000_000L)).isEqualTo(new AmountDependence.Band(1));
    assertThat(dependence.amountPart(approval, 30_001_000L)).isEqualTo(dependence.amountPart(approval, 40_000_000L))
        .isEqualTo(new AmountDependence.Band(2));
    assertThat(dependence.amountPart(approval, null)).isNull();
    assertThat(dependence.amountPart(ChildPathway.TASK_RECORD_DISBURSEMENT, 12_000_000L)).isNull();
  }

  @Test
  void shouldAskByTheExactAmountWhereARuleDoesMoreThanCompareItWithNumbers() throws IOException {
    String table = Files.readString(Path.of("bpmn/task-routing.dmn"));
    String computed = table.replaceFirst(
        "(?<head><rule id=\"Rule_ApproveFundingAbove30M\">(?s:.*?)<text>&gt; )30000000(?<tail></text>)",
        "${head}3 * 10000000${tail}");
    assertThat(computed).isNotEqualTo(table);

    AmountDependence dependence = of(computed);

    assertThat(dependence.amountPart(ChildPathway.TASK_APPROVE_FUNDING, 12_345_000L)).isEqualTo(12_345_000L);
    assertThat(dependence.amountPart("Task_ApproveTopUp", 12_345_000L)).isEqualTo(new AmountDependence.Band(0));
  }

  @Test
  void shouldAskByTheExactAmountWhereAnOutputOrTheTaskColumnNamesTheAmount() throws IOException {
    String table = Files.readString(Path.of("bpmn/task-routing.dmn"));
    String output = table.replaceFirst("(?<head><rule id=\"Rule_ApproveFundingUpTo30M\">(?s:.*?)"
        + "<outputEntry id=\"Rule_ApproveFundingUpTo30M_Out3\">\\s*<text>)3(?<tail></text>)",
        "${head}if estimatedCost &gt; 20000000 then 5 else 3${tail}");
    String taskColumn = table.replace("<text>\"Task_FollowUpVisit\"</text>",
        "<text>\"Task_FollowUpVisit\", estimatedCost</text>");
    String integerInput = table.replace("typeRef=\"long\"", "typeRef=\"integer\"");
    assertThat(List.of(output, taskColumn, integerInput)).doesNotContain(table);

    for (String changed : List.of(output, taskColumn, integerInput)) {
      AmountDependence dependence = of(changed);
      assertThat(dependence.amountPart(ChildPathway.TASK_APPROVE_FUNDING, 12_345_000L)).isEqualTo(12_345_000L);
      assertThat(dependence.amountPart(ChildPathway.TASK_RECORD_DISBURSEMENT, 12_345_000L)).isEqualTo(12_345_000L);
    }
  }

  @Test
  void shouldNumberTheBandsBelowAtAndBetweenSeveralLimits() {
    AmountDependence dependence = new AmountDependence(false, Set.of("Task_X"),
        Map.of("Task_X", List.of(new BigDecimal("10"), new BigDecimal("20"))));

    assertThat(Stream.of(5L, 10L, 15L, 20L, 25L).map(amount -> dependence.amountPart("Task_X", amount)))
        .containsExactly(new AmountDependence.Band(0), new AmountDependence.Band(1), new AmountDependence.Band(2),
            new AmountDependence.Band(3), new AmountDependence.Band(4));
  }

  /** The engine itself decides which rules an amount meets: amounts of one band must meet the same ones. */
  @Test
  void shouldBandAmountsSoThatTheEngineMatchesTheSameRulesForEachBand() throws IOException {
    String table = Files.readString(Path.of("bpmn/task-routing.dmn"))
        .replace("hitPolicy=\"UNIQUE\"", "hitPolicy=\"COLLECT\"")
        .replace("<text>&lt;= 30000000</text>", "<text>]10..20[, 30</text>")
        .replace("<text>&gt; 30000000</text>", "<text>not([10..20])</text>");
    AmountDependence dependence = of(table);
    List<String> matched = new ArrayList<>();
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
        .customPostDecisionTableEvaluationListeners(List.of(event -> event.getMatchingRules().forEach(
            rule -> matched.add(rule.getId()))))
        .buildEngine();
    DmnDecision decision = engine.parseDecision(ChildPathway.DECISION_TASK_ROUTING,
        new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)));

    Map<Object, Set<List<String>>> rulesOfBand = new HashMap<>();
    for (String task : List.of(ChildPathway.TASK_APPROVE_FUNDING, "Task_ApproveTopUp")) {
      for (long amount : new long[] {5, 9, 10, 11, 15, 19, 20, 21, 29, 30, 31, 40}) {
        matched.clear();
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("taskKey", task);
        inputs.put("estimatedCost", amount);
        engine.evaluateDecisionTable(decision, inputs);
        rulesOfBand.computeIfAbsent(List.of(task, dependence.amountPart(task, amount)), band -> new HashSet<>())
            .add(List.copyOf(matched));
      }
    }

    assertThat(rulesOfBand).hasSize(14)
        .allSatisfy((band, rules) -> assertThat(rules).as("rules met in " + band).hasSize(1));
    assertThat(rulesOfBand.values().stream().distinct().count()).as("bands that differ").isGreaterThanOrEqualTo(3);
  }

  @Test
  void shouldReadTheLimitsOfComparisonsIntervalsListsAndNegations() {
    assertThat(AmountDependence.limitsIn("<= 30000000")).contains(List.of(new BigDecimal("30000000")));
    assertThat(AmountDependence.limitsIn("[1000..5000.5[, > 9000")).contains(
        List.of(new BigDecimal("1000"), new BigDecimal("5000.5"), new BigDecimal("9000")));
    assertThat(AmountDependence.limitsIn("not(< -5)")).contains(List.of(new BigDecimal("-5")));
    assertThat(AmountDependence.limitsIn("> limit")).isEmpty();
    assertThat(AmountDependence.limitsIn("< 5, ")).isEmpty();
    assertThat(AmountDependence.limitsIn("odd(?)")).isEmpty();
  }

  @Test
  void shouldTakeEveryTaskAsDependingOnTheAmountWhenARuleOnTheAmountNamesNoSingleTask() throws IOException {
    String table = Files.readString(Path.of("bpmn/task-routing.dmn"));
    String twoTasks = table.replace("<text>\"Task_ApproveTopUp\"</text>",
        "<text>\"Task_ApproveTopUp\",\"Task_FollowUpVisit\"</text>");
    assertThat(twoTasks).isNotEqualTo(table);

    AmountDependence dependence = of(twoTasks);

    assertThat(dependence.allTasks()).isTrue();
    assertThat(dependence.dependsOnAmount(ChildPathway.TASK_RECORD_DISBURSEMENT)).isTrue();
  }

  @Test
  void shouldTakeEveryTaskAsDependingOnTheAmountWhenTheInputsAreRenamed() throws IOException {
    String table = Files.readString(Path.of("bpmn/task-routing.dmn"));
    String renamed = table.replace("<text>estimatedCost</text>", "<text>cost</text>");
    assertThat(renamed).isNotEqualTo(table);

    assertThat(of(renamed).allTasks()).isTrue();
  }

  private static AmountDependence of(String dmn) {
    return AmountDependence.of(Dmn.readModelFromStream(new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8))),
        ChildPathway.DECISION_TASK_ROUTING);
  }
}
