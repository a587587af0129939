package vn.nangbuoc.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.nangbuoc.pathway.StepCatalogue.Section;

class StepCatalogueTest {

  private static final Section FIRST = new Section("Phần một");
  private static final Section LAST = new Section("Phần cuối");

  private static StepCatalogue catalogue(Step... steps) {
    return new StepCatalogue("p", "bpmn/p.bpmn", List.of(FIRST, LAST), List.of(steps));
  }

  @Test
  void shouldDeriveTheListsOthersReadFromTheEntries() {
    StepCatalogue catalogue = catalogue(
        Step.serviceTask("Task_Check").in(FIRST).shortName("check").build(),
        Step.userTask("Task_Ask", "ask.form").in(FIRST).shortName("ask").decides("answer").shows("Task_Check")
            .build(),
        Step.userTask("Task_Close", "close.form").in(LAST).decides("outcome", "note").showsAllSteps().build(),
        Step.outsideTheModel("Move", "Chuyển đi").in(LAST).build());

    assertThat(catalogue.userTasks()).containsExactly("Task_Ask", "Task_Close");
    assertThat(catalogue.decisionsOf("Task_Close")).containsExactly("outcome", "note");
    assertThat(catalogue.decisionsOf("Task_Ask")).containsExactly("answer");
    assertThat(catalogue.decisionsOf("Task_Check")).isEmpty();
    assertThat(catalogue.decisionsOf("Task_Unknown")).isEmpty();
    assertThat(catalogue.stepsIn(LAST)).containsExactly("Task_Close", "Move");
    assertThat(catalogue.shownBy("Task_Ask")).extracting(Step::id).containsExactly("Task_Check");
    assertThat(catalogue.shownBy("Task_Close")).extracting(Step::id)
        .containsExactlyInAnyOrder("Task_Check", "Task_Ask");
    assertThat(catalogue.shownBy("Task_Unknown")).isEmpty();
  }

  @Test
  void shouldRefuseAnEntryThatOtherListsCouldNotUse() {
    assertThatThrownBy(() -> catalogue(Step.userTask("Task_A", "a.form").in(FIRST).build(),
        Step.userTask("Task_A", "a.form").in(LAST).build())).hasMessageContaining("twice");
    assertThatThrownBy(() -> catalogue(Step.userTask("Task_A", "a.form").in(new Section("Khác")).build()))
        .hasMessageContaining("section");
    assertThatThrownBy(() -> catalogue(Step.userTask("Task_A", "a.form").in(FIRST).shows("Task_B").build()))
        .hasMessageContaining("unknown");
    assertThatThrownBy(() -> catalogue(Step.serviceTask("Task_B").in(FIRST).build(),
        Step.userTask("Task_A", "a.form").in(FIRST).shows("Task_B").build())).hasMessageContaining("short name");
    assertThatThrownBy(() -> Step.userTask("Task_A", null).in(FIRST).build()).hasMessageContaining("form");
    assertThatThrownBy(() -> Step.userTask("Task_A", "a.form").build()).hasMessageContaining("section");
  }

  @Test
  void shouldMergeLabelsOfAllProcessesAndRefuseOneFieldReadTwoWays() {
    StepCatalogue one = new StepCatalogue("one", "bpmn/one.bpmn", List.of(FIRST), List.of(
        Step.userTask("Task_A", "a.form").in(FIRST).amount("cost", "Chi phí").value("YES", "Có").build()));
    StepCatalogue two = new StepCatalogue("two", "bpmn/two.bpmn", List.of(FIRST), List.of(
        Step.userTask("Task_B", "b.form").in(FIRST).field("cost", "Chi phí").field("note", "Ghi chú").build()));
    StepCatalogues both = new StepCatalogues(List.of(one, two));

    assertThat(both.fieldLabels()).containsEntry("cost", "Chi phí").containsEntry("note", "Ghi chú");
    assertThat(both.valueLabels()).containsExactlyEntriesOf(java.util.Map.of("YES", "Có"));
    assertThat(both.isAmount("cost")).isTrue();
    assertThat(both.isAmount("note")).isFalse();
    assertThat(both.of("two")).contains(two);

    StepCatalogue other = new StepCatalogue("three", "bpmn/three.bpmn", List.of(FIRST), List.of(
        Step.userTask("Task_C", "c.form").in(FIRST).field("cost", "Giá").build()));
    assertThatThrownBy(() -> new StepCatalogues(List.of(one, other))).hasMessageContaining("cost");
    assertThatThrownBy(() -> new StepCatalogues(List.of(one, one))).hasMessageContaining("two catalogues");
  }
}
