package vn.nangbuoc.pathway;

/** Why a case closed: the codes the reports count. */
public enum ClosureOutcome {
  SURGERY_COMPLETED("Đã phẫu thuật và theo dõi sau phẫu thuật"),
  SERVICE_PROVIDED("Đã được cung cấp dịch vụ hỗ trợ"),
  NO_INDICATION("Khám sàng lọc không có chỉ định can thiệp"),
  NOT_ELIGIBLE("Không đủ điều kiện của chương trình"),
  ABSENT_FROM_SCREENING("Không đến khám sàng lọc"),
  NO_CONSENT("Gia đình không đồng ý phẫu thuật"),
  NO_FUNDING("Không có nguồn kinh phí hỗ trợ"),
  WITHDRAWN("Gia đình rút khỏi chương trình"),
  OTHER_CLOSURE("Lý do khác");

  private final String label;

  ClosureOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The words for a stored code, never the code: the generic lookup of labels lets a step's words for the same
   * code win (NOT_ELIGIBLE is also the review's decision). Null for no code.
   */
  public static String labelOf(String code) {
    if (code == null) {
      return null;
    }
    for (ClosureOutcome outcome : values()) {
      if (outcome.name().equals(code)) {
        return outcome.label();
      }
    }
    return OTHER_CLOSURE.label();
  }
}
