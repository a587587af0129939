package vn.nangbuoc.unitreport;

/** What happened to one prepared version of a report; its content never changes, whatever this says. */
enum VersionStatus {
  PREPARED("Đã lập, chờ ký duyệt"),
  RETURNED_AT_SIGN_OFF("Thủ trưởng trả lại"),
  SUBMITTED("Đã ký duyệt, gửi cấp trên"),
  ACCEPTED("Cơ quan tiếp nhận đã chấp nhận"),
  RETURNED_BY_RECEIVER("Cơ quan tiếp nhận trả lại");

  private final String label;

  VersionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
