package vn.nangbuoc.casefile;

/** Type of disability as confirmed by the commune's council (dạng tật). */
public enum DisabilityType {
  MOBILITY("Khuyết tật vận động"),
  HEARING_SPEECH("Khuyết tật nghe, nói"),
  VISION("Khuyết tật nhìn"),
  MENTAL_NEUROLOGICAL("Khuyết tật thần kinh, tâm thần"),
  INTELLECTUAL("Khuyết tật trí tuệ"),
  OTHER("Khuyết tật khác");

  private final String label;

  DisabilityType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
