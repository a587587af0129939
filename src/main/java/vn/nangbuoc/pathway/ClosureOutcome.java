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
}
