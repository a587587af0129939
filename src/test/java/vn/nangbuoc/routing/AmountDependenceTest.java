package vn.nangbuoc.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
