package vn.nangbuoc.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscalationRuleTest {

  private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");

  @ParameterizedTest
  @CsvSource({"0, 75", "50, 75", "74, 75", "75, 85", "85, 95", "90, 100", "95, 100", "100, 100"})
  void shouldRaiseANormalTaskAboveEveryNormalOneThenAStepAtATimeUpToTheMaximum(int priority, int raised) {
    assertThat(EscalationRule.raisedPriority(priority)).isEqualTo(raised);
  }

  @Test
  void shouldCountTheRoundsFromOne() {
    assertThat(EscalationRule.round(0)).isEqualTo(1);
    assertThat(EscalationRule.round(1)).isEqualTo(2);
  }

  @Test
  void shouldCallATaskOverdueOnlyOnceItsDueDateHasPassed() {
    assertThat(EscalationRule.isOverdue(Date.from(NOW.minusMillis(1)), NOW)).isTrue();
    assertThat(EscalationRule.isOverdue(Date.from(NOW), NOW)).isFalse();
    assertThat(EscalationRule.isOverdue(Date.from(NOW.plusSeconds(60)), NOW)).isFalse();
    assertThat(EscalationRule.isOverdue(null, NOW)).isFalse();
  }
}
