package vn.nangbuoc.casefile;

/** Condition groups of the city's surgery programme (seed 000), plus OTHER for everything else. */
public enum ConditionGroup {
  CLEFT_LIP_PALATE("Sứt môi, hở hàm ếch"),
  MOTOR("Khuyết tật vận động"),
  BURN_SEQUELAE("Di chứng bỏng gây biến dạng"),
  EYE("Khuyết tật mắt"),
  EAR("Khuyết tật tai"),
  GENITO_URINARY("Khuyết tật đường sinh dục, tiết niệu, ổ bụng"),
  BENIGN_TUMOUR("U lành tính"),
  OTHER("Dạng tật khác");

  private final String label;

  ConditionGroup(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
