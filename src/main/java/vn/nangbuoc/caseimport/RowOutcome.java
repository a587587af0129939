package vn.nangbuoc.caseimport;

/** What becomes, or became, of a row of a list. */
public enum RowOutcome {
  /** Valid and not listed before: confirming creates its case file. */
  NEW("Hồ sơ mới"),
  /** The child is listed already (same personal ID, or same name, birth date and commune). */
  DUPLICATE("Trùng"),
  /** Breaks a rule: nothing is written for it. */
  ERROR("Lỗi"),
  /**
   * Confirmed, but held for the area office: a listing it must check before a case file is opened
   * (the uploader is not told why, see {@link DuplicateCheck}). Who verifies it is the row's message: the
   * organisation data names the agency.
   */
  HELD("Chờ xác minh"),
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
