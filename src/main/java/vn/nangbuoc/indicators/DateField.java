package vn.nangbuoc.indicators;

/** The dates of a child's facts a query can place in the period (the catalogue's {@code dated:}). */
enum DateField {
  LISTED("listed", "f.listed_on", "Ngày lập danh sách"),
  SCREENED("screened", "f.screened_on", "Ngày khám sàng lọc"),
  REFERRED("referred", "f.referred_on", "Ngày lập hồ sơ chuyển tuyến"),
  APPROVED("approved", "f.approved_on", "Ngày phê duyệt kinh phí"),
  PAID("paid", "f.paid_on", "Ngày chi"),
  SETTLED("settled", "f.settled_on", "Ngày quyết toán"),
  SURGERY("surgery", "f.surgery_on", "Ngày phẫu thuật"),
  SERVICE("service", "f.service_arranged_on", "Ngày bố trí dịch vụ"),
  FOLLOW_UP("follow-up", "f.last_follow_up_on", "Ngày thăm theo dõi gần nhất"),
  CLOSED("closed", "f.closed_on", "Ngày đóng hồ sơ"),
  /** The day the programme first reached the child: the surgery, else the service arranged. */
  REACHED("reached", "coalesce(f.surgery_on, f.service_arranged_on)", "Ngày phẫu thuật hoặc bố trí dịch vụ"),
  /** A task's completion: only for the tasks measure. */
  TASK_COMPLETED("task-completed", "t.completed_on", "Ngày hoàn thành công việc");

  private final String word;
  private final String column;
  private final String label;

  DateField(String word, String column, String label) {
    this.word = word;
    this.column = column;
    this.label = label;
  }

  /** What the date is called on the list of the case files a figure counts. */
  String label() {
    return label;
  }

  String word() {
    return word;
  }

  String column() {
    return column;
  }

  static DateField of(String word) {
    return Words.of(values(), DateField::word, word, "date");
  }

}
