package vn.nangbuoc.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    String computed = table.replaceFirst("(<rule id=\"Rule_ApproveFundingAbove30M\">(?s:.*?)<text>&gt; )30000000(</text>)",
        "$13 * 10000000$2");
    assertThat(computed).isNotEqualTo(table);

    AmountDependence dependence = of(computed);

    assertThat(dependence.amountPart(ChildPathway.TASK_APPROVE_FUNDING, 12_345_000L)).isEqualTo(12_345_000L);
    assertThat(dependence.amountPart("Task_ApproveTopUp", 12_345_000L)).isEqualTo(new AmountDependence.Band(0));
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
