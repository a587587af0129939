package vn.nangbuoc.indicators;

/** The dates of a child's facts a query can place in the period (the catalogue's {@code dated:}). */
enum DateField {
  LISTED("listed", "f.listed_on"),
  SCREENED("screened", "f.screened_on"),
  REFERRED("referred", "f.referred_on"),
  APPROVED("approved", "f.approved_on"),
  PAID("paid", "f.paid_on"),
  SETTLED("settled", "f.settled_on"),
  SURGERY("surgery", "f.surgery_on"),
  SERVICE("service", "f.service_arranged_on"),
  FOLLOW_UP("follow-up", "f.last_follow_up_on"),
  CLOSED("closed", "f.closed_on"),
  /** The day the programme first reached the child: the surgery, else the service arranged. */
  REACHED("reached", "coalesce(f.surgery_on, f.service_arranged_on)"),
  /** A task's completion: only for the tasks measure. */
  TASK_COMPLETED("task-completed", "t.completed_on");

  private final String word;
  private final String column;

  DateField(String word, String column) {
    this.word = word;
    this.column = column;
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
