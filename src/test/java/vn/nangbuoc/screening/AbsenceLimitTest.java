package vn.nangbuoc.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AbsenceLimitTest {

  private final AbsenceLimit limit = new AbsenceLimit(3);

  @Test
  void shouldInviteAgainBelowTheLimit() {
    assertThat(limit.reached(Indication.ABSENT, 1)).isFalse();
    assertThat(limit.reached(Indication.ABSENT, 2)).isFalse();
  }

  @Test
  void shouldCloseAtTheLimit() {
    assertThat(limit.reached(Indication.ABSENT, 3)).isTrue();
  }

  @Test
  void shouldCloseAboveTheLimit() {
    // the limit may have been lowered while a case was already past it
    assertThat(limit.reached(Indication.ABSENT, 4)).isTrue();
  }

  @Test
  void shouldNeverCloseAChildWhoCame() {
    for (Indication indication : Indication.values()) {
      if (indication != Indication.ABSENT) {
        assertThat(limit.reached(indication, 10)).as(indication.name()).isFalse();
      }
    }
  }

  @Test
  void shouldCloseAtTheFirstAbsenceWhenOneIsAllowed() {
    assertThat(new AbsenceLimit(1).reached(Indication.ABSENT, 1)).isTrue();
  }
}
