package vn.nangbuoc.casefile;

public enum CaseStatus {
  ACTIVE("Đang hỗ trợ"),
  CLOSED("Đã đóng");

  private final String label;

  CaseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
