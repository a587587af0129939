package vn.nangbuoc.fund;

/**
 * A hospital's bill often ends a little above the estimate the fund approved. Within a margin of
 * the approved amount the fund pays the difference itself, so that a small overrun does not hold
 * the case up; beyond it a manager decides.
 */
final class SettlementMargin {

  private final int percent;

  SettlementMargin(int percent) {
    this.percent = percent;
  }

  /** Whether {@code extra} beyond the approvals is the fund's to pay without a further approval. */
  boolean covers(long extra, long approvedAmount) {
    // whole numbers only: a percentage of an odd amount must not round in either direction
    return extra * 100 <= approvedAmount * percent;
  }
}
