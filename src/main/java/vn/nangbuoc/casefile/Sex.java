package vn.nangbuoc.casefile;

public enum Sex {
  MALE("Nam"),
  FEMALE("Nữ");

  private final String label;

  Sex(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
