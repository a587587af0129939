package vn.nangbuoc.indicators;

/** What a fact query counts or adds up: the catalogue's {@code measure:}, a fixed word each. */
enum Measure {
  /** Children (case files), each once. */
  CHILDREN("children", null, false),
  APPROVED_AMOUNT("approved-amount", "f.approved_amount", false),
  PAID_AMOUNT("paid-amount", "f.paid_amount", false),
  SETTLED_AMOUNT("settled-amount", "f.settled_amount", false),
  /** What health insurance paid of the surgery besides the bill the fund settled, as the settlement records it. */
  HEALTH_INSURANCE_PAID("health-insurance-paid", "f.health_insurance_paid", false),
  /** What charity paid of the surgery besides the bill the fund settled. */
  CHARITY_PAID("charity-paid", "f.charity_paid", false),
  /** Completed user tasks of the children's cases. */
  TASKS("tasks", null, true),
  /** The median number of days between two dates of each child (the query's {@code between}). */
  MEDIAN_DAYS("median-days", null, false);

  private final String word;
  private final String summed;
  private final boolean overTasks;

  Measure(String word, String summed, boolean overTasks) {
    this.word = word;
    this.summed = summed;
    this.overTasks = overTasks;
  }

  String word() {
    return word;
  }

  /** The column it adds up; null when it counts rows (and for the median, taken from the values). */
  String summed() {
    return summed;
  }

  /** Whether it counts rows of case_task_fact (joined to the child's facts) rather than children. */
  boolean overTasks() {
    return overTasks;
  }

  static Measure of(String word) {
    return Words.of(values(), Measure::word, word, "measure");
  }

}
