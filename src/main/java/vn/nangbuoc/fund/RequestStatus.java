package vn.nangbuoc.fund;

/** Where a funding request stands. */
public enum RequestStatus {
  /** Waiting for a manager's decision. */
  PENDING,
  /** Approved while the fund was short: waits in line for the next receipt. */
  WAITING,
  /** Money reserved. */
  APPROVED,
  REJECTED,
  /** Sent back for a new referral; a new request follows. */
  RETURNED,
  /** The family withdrew or the case closed: any reservation was released. */
  CANCELLED,
  /** The actual cost is paid and the rest released. */
  SETTLED
}
