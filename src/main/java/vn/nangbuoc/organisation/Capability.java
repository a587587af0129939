package vn.nangbuoc.organisation;

/**
 * What the staff of an agency may do in the product beyond the tasks routed to them. Which kinds of
 * agency have which is organisation data ({@code kinds:} in the organisation file), not code: after the
 * 2025 reform the commune's culture–social office lists children where the district labour office did.
 */
public enum Capability {
  /** List children, edit and import lists, merge duplicates, record withdrawals and moves. */
  LIST_CHILDREN("lập và sửa danh sách trẻ"),
  /** Keep a fund's books: receipts, corrections, reconciliation. */
  KEEP_FUND_BOOKS("giữ sổ quỹ"),
  /** The agency is a child protection fund: the product keeps its books. */
  HOLD_FUND("quỹ bảo trợ trẻ em"),
  /** Read-only oversight of the cases in its area (Cockpit), changing nothing. */
  AUDIT("thanh tra, kiểm tra");

  private final String label;

  Capability(String label) {
    this.label = label;
  }

  /** What it is called on pages and in messages. */
  public String label() {
    return label;
  }
}
