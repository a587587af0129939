package vn.nangbuoc.funding;

enum FundingDecision {
  /** Reserve the money now. */
  APPROVED,
  /** Approved, but the fund is short: wait in line for the next receipt. */
  WAITING,
  REJECTED,
  RETURNED
}
