package vn.nangbuoc.fund;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettlementMarginTest {

  private final SettlementMargin tenPercent = new SettlementMargin(10);

  @Test
  void shouldCoverAnOverrunBelowTheMargin() {
    assertThat(tenPercent.covers(1, 10_000_000)).isTrue();
    assertThat(tenPercent.covers(999_999, 10_000_000)).isTrue();
  }

  @Test
  void shouldCoverAnOverrunExactlyAtTheMargin() {
    assertThat(tenPercent.covers(1_000_000, 10_000_000)).isTrue();
  }

  @Test
  void shouldLeaveAnOverrunAboveTheMarginToAManager() {
    assertThat(tenPercent.covers(1_000_001, 10_000_000)).isFalse();
  }

  @Test
  void shouldNotRoundAnOddAmountInTheFundsFavourOrAgainstIt() {
    // 10 % of 1 234 567 is 123 456.7: 123 456 is within, 123 457 is not
    assertThat(tenPercent.covers(123_456, 1_234_567)).isTrue();
    assertThat(tenPercent.covers(123_457, 1_234_567)).isFalse();
  }

  @Test
  void shouldCoverNothingWithoutAMargin() {
    SettlementMargin none = new SettlementMargin(0);

    assertThat(none.covers(0, 10_000_000)).isTrue();
    assertThat(none.covers(1, 10_000_000)).isFalse();
  }

  @Test
  void shouldHoldItsBoundaryForLargeAmounts() {
    long tenBillion = 10_000_000_000L;

    assertThat(tenPercent.covers(tenBillion / 10, tenBillion)).isTrue();
    assertThat(tenPercent.covers(tenBillion / 10 + 1, tenBillion)).isFalse();
  }
}
