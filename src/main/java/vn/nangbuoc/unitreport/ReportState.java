package vn.nangbuoc.unitreport;

/** Where a unit's report of a period stands; "late" is not a state but a report not sent by its deadline. */
enum ReportState {
  NOT_STARTED("Chưa bắt đầu"),
  PREPARING("Đang chuẩn bị"),
  AWAITING_SIGN_OFF("Chờ ký duyệt"),
  SUBMITTED("Đã gửi"),
  ACCEPTED("Đã chấp nhận"),
  RETURNED("Bị trả lại");

  private final String label;

  ReportState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the unit has sent it (signed off) and it is no longer the unit's to work on. */
  boolean isSent() {
    return this == SUBMITTED || this == ACCEPTED;
  }
}
