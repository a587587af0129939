package vn.nangbuoc.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nangbuoc.pathway.ClosureOutcome;

class ClosureRulesTest {

  /** What the records show, and which questions the rule asked. */
  private static final class Records implements ClosureRules.Evidence {

    private final boolean shown;
    private final List<String> asked = new ArrayList<>();

    Records(boolean shown) {
      this.shown = shown;
    }

    @Override
    public boolean surgeryDone() {
      asked.add("surgery");
      return shown;
    }

    @Override
    public boolean serviceArranged() {
      asked.add("service");
      return shown;
    }

    @Override
    public boolean screenedWithoutIndication() {
      asked.add("screening");
      return shown;
    }
  }

  @Test
  void shouldLetAPersonChooseOnlyTheOutcomesNoOtherStepRecords() {
    Map<ClosureOutcome, Boolean> expected = new EnumMap<>(ClosureOutcome.class);
    expected.put(ClosureOutcome.SURGERY_COMPLETED, true);
    expected.put(ClosureOutcome.SERVICE_PROVIDED, true);
    expected.put(ClosureOutcome.NO_INDICATION, true);
    expected.put(ClosureOutcome.OTHER_CLOSURE, true);
    expected.put(ClosureOutcome.NOT_ELIGIBLE, false);
    expected.put(ClosureOutcome.ABSENT_FROM_SCREENING, false);
    expected.put(ClosureOutcome.NO_CONSENT, false);
    expected.put(ClosureOutcome.NO_FUNDING, false);
    expected.put(ClosureOutcome.WITHDRAWN, false);

    assertThat(expected).hasSize(ClosureOutcome.values().length);
    expected.forEach((outcome, chosen) ->
        assertThat(ClosureRules.chosenAtClosure(outcome)).as(outcome.name()).isEqualTo(chosen));
  }

  @Test
  void shouldMatchEachRecordedOutcomeOnlyWithItsOwnStep() {
    Map<ClosureOutcome, String> question = Map.of(ClosureOutcome.SURGERY_COMPLETED, "surgery",
        ClosureOutcome.SERVICE_PROVIDED, "service", ClosureOutcome.NO_INDICATION, "screening");

    question.forEach((outcome, asked) -> {
      Records shown = new Records(true);
      Records missing = new Records(false);

      assertThat(ClosureRules.matchesRecords(outcome, shown)).as(outcome.name()).isTrue();
      assertThat(ClosureRules.matchesRecords(outcome, missing)).as(outcome.name()).isFalse();
      assertThat(shown.asked).as(outcome.name()).containsExactly(asked);
    });
  }

  @Test
  void shouldMatchEveryOtherOutcomeWithoutAskingTheRecords() {
    for (ClosureOutcome outcome : ClosureOutcome.values()) {
      if (outcome == ClosureOutcome.SURGERY_COMPLETED || outcome == ClosureOutcome.SERVICE_PROVIDED
          || outcome == ClosureOutcome.NO_INDICATION) {
        continue;
      }
      Records missing = new Records(false);

      assertThat(ClosureRules.matchesRecords(outcome, missing)).as(outcome.name()).isTrue();
      assertThat(missing.asked).as(outcome.name()).isEmpty();
    }
  }

  @Test
  void shouldAskANoteOnlyForAnOtherClosure() {
    for (ClosureOutcome outcome : ClosureOutcome.values()) {
      assertThat(ClosureRules.needsNote(outcome)).as(outcome.name())
          .isEqualTo(outcome == ClosureOutcome.OTHER_CLOSURE);
    }
  }
}
