package vn.nangbuoc.indicators;

/** What an indicator's value is. */
enum ValueUnit {
  /** numerator / denominator × 100. */
  PERCENT("percent", "%"),
  /** the numerator itself (children, tasks). */
  COUNT("count", "trẻ"),
  /** the numerator itself, in đồng. */
  AMOUNT("amount", "đồng"),
  /** the median of the numerator's days. */
  DAYS("days", "ngày");

  private final String word;
  private final String label;

  ValueUnit(String word, String label) {
    this.word = word;
    this.label = label;
  }

  String word() {
    return word;
  }

  String label() {
    return label;
  }

  static ValueUnit of(String word) {
    return Words.of(values(), ValueUnit::word, word, "unit");
  }

}
