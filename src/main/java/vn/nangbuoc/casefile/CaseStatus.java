package vn.nangbuoc.casefile;

public enum CaseStatus {
  ACTIVE("Đang hỗ trợ"),
  CLOSED("Đã đóng"),
  /** Found to be the same child as another case file and merged into it (see mergedInto). */
  MERGED("Đã gộp vào hồ sơ khác");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
