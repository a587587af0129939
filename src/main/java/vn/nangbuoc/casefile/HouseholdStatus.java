package vn.nangbuoc.casefile;

/** Household status under the poverty standard, as the commune certifies it. */
public enum HouseholdStatus {
  POOR("Hộ nghèo"),
  NEAR_POOR("Hộ cận nghèo"),
  OTHER("Khác");

  private final String label;

  HouseholdStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
