package vn.nangbuoc.reorganisation;

/** Where a reorganisation stands. */
enum ReorganisationStatus {
  /** Uploaded and previewed; nothing changed yet. */
  PREVIEWED("Đã xem trước"),
  /** Being applied, batch by batch; applying again resumes it. */
  APPLYING("Đang áp dụng"),
  /** Stopped between two batches at an administrator's request; applying again resumes it. */
  STOPPED("Đã tạm dừng"),
  /** Every case carried across; applying again changes nothing. */
  APPLIED("Đã áp dụng");

  private final String label;

  ReorganisationStatus(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
