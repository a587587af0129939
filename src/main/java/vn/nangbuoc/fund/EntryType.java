package vn.nangbuoc.fund;

/**
 * Kinds of ledger rows and what each does to the balances (available, reserved, disbursed).
 * A settlement only records the actual cost; the money it moves is written as disbursements,
 * releases and refunds next to it.
 */
public enum EntryType {
  /** Budget allocation or donation: + available. */
  RECEIPT(1, 0, 0),
  /** At approval: − available, + reserved. */
  RESERVATION(-1, 1, 0),
  /** Rejection, cancellation, settlement below the reservation: + available, − reserved. */
  RELEASE(1, -1, 0),
  /** Paid to the hospital or the family: − reserved, + disbursed. */
  DISBURSEMENT(0, -1, 1),
  /** Money paid back (a bill below what was paid): + available, − disbursed. */
  REFUND(1, 0, -1),
  /** The actual cost of a surgery, for the record. */
  SETTLEMENT(0, 0, 0),
  /** A reasoned correction of an earlier row; its effects are given explicitly. */
  CORRECTION(0, 0, 0);

  final int available;
  final int reserved;
  final int disbursed;

  EntryType(int available, int reserved, int disbursed) {
    this.available = available;
    this.reserved = reserved;
    this.disbursed = disbursed;
  }
}
