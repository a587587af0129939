package vn.nangbuoc.fund;

/**
 * Kinds of ledger rows, what each does to the balances (available, reserved, disbursed) and how the
 * pages and exports name it. A settlement only records the actual cost; the money it moves is written
 * as disbursements, releases and refunds next to it. A transfer between funds (a reorganisation) is
 * always a pair, one row on each fund, so no money is created or lost.
 */
public enum EntryType {
  /** Budget allocation or donation: + available. */
  RECEIPT(1, 0, 0, "Thu"),
  /** At approval: − available, + reserved. */
  RESERVATION(-1, 1, 0, "Giữ kinh phí"),
  /** Rejection, cancellation, settlement below the reservation: + available, − reserved. */
  RELEASE(1, -1, 0, "Hoàn giữ"),
  /** Paid to the hospital or the family: − reserved, + disbursed. */
  DISBURSEMENT(0, -1, 1, "Chi"),
  /** Money paid back (a bill below what was paid): + available, − disbursed. */
  REFUND(1, 0, -1, "Thu hồi"),
  /** The actual cost of a surgery, for the record. */
  SETTLEMENT(0, 0, 0, "Quyết toán"),
  /** A reasoned correction of an earlier row; its effects are given explicitly. */
  CORRECTION(0, 0, 0, "Điều chỉnh"),
  /** The ended fund's available balance handed to its successor: − available. */
  TRANSFER_OUT(-1, 0, 0, "Chuyển số dư đi"),
  /** The successor's side of {@link #TRANSFER_OUT}: + available. */
  TRANSFER_IN(1, 0, 0, "Nhận số dư chuyển đến"),
  /** Money held for a request that moves to the successor with it: − reserved. */
  RESERVED_OUT(0, -1, 0, "Chuyển số đang giữ đi"),
  /** The successor's side of {@link #RESERVED_OUT}: + reserved. */
  RESERVED_IN(0, 1, 0, "Nhận số đang giữ chuyển đến");

  final int available;
  final int reserved;
  final int disbursed;
  private final String label;

  EntryType(int available, int reserved, int disbursed, String label) {
    this.available = available;
    this.reserved = reserved;
    this.disbursed = disbursed;
    this.label = label;
  }

  /** The Vietnamese name the ledger page and its export show. */
  public String label() {
    return label;
  }
}
