package vn.nangbuoc.caseimport;

/** What becomes, or became, of a row of a list. */
public enum RowOutcome {
  /** Valid and not listed before: confirming creates its case file. */
  NEW("Hồ sơ mới"),
  /** The child is listed already (same personal ID, or same name, birth date and commune). */
  DUPLICATE("Trùng"),
  /** Breaks a rule: nothing is written for it. */
  ERROR("Lỗi"),
  /** Confirmed: its case file exists. */
  CREATED("Đã tạo hồ sơ");

  private final String label;

  RowOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
