package vn.nangbuoc.fund;

/** Where a proposed correction of the ledger stands. */
public enum CorrectionStatus {
  /** Proposed by one person, waiting for a second. */
  PROPOSED,
  /** Confirmed by a second person: its ledger row is written. */
  CONFIRMED,
  /** Refused with a reason: nothing was written to the ledger. */
  REJECTED
}
