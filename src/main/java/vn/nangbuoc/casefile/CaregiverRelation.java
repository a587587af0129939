package vn.nangbuoc.casefile;

public enum CaregiverRelation {
  MOTHER("Mẹ"),
  FATHER("Bố"),
  GRANDPARENT("Ông/bà"),
  SIBLING("Anh/chị"),
  GUARDIAN("Người giám hộ"),
  OTHER("Khác");

  private final String label;

  CaregiverRelation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
