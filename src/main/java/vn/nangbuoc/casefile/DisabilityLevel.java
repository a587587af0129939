package vn.nangbuoc.casefile;

/** Level of disability as confirmed (mức độ khuyết tật). */
public enum DisabilityLevel {
  MILD("Nhẹ"),
  SEVERE("Nặng"),
  ESPECIALLY_SEVERE("Đặc biệt nặng");

  private final String label;

  DisabilityLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
