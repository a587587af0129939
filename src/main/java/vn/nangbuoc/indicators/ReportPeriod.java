package vn.nangbuoc.indicators;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.system.EngineTime;

/**
 * The period of a report: a plan year by default (this year's), which counts the children enrolled in that year's
 * plan whenever their steps happened; or a date range, which counts what happened between its days, whatever the
 * plan. A date given makes it a range (1 January to 31 December of the one date's year when only one is). The API
 * sends YYYY-MM-DD, a person types dd/MM/yyyy: both are read.
 *
 * @param planYear the plan year whose enrolments count; null for a date range
 * @param from the first day, and {@code to} the last: for a plan year its 1 January and 31 December
 */
record ReportPeriod(Integer planYear, LocalDate from, LocalDate to) {

  /** Longer periods are reports over many plans: they are not what a plan's indicator means. */
  static final int MAX_YEARS = 10;
  static final int EARLIEST_YEAR = 2000;
  static final int LATEST_YEAR = 2100;

  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/uuuu")
      .withResolverStyle(ResolverStyle.STRICT);

  static ReportPeriod of(String year, String from, String to) {
    LocalDate start = date(from, "from", "ngày bắt đầu");
    LocalDate end = date(to, "to", "ngày kết thúc");
    if (start == null && end == null) {
      return planYear(year(year));
    }
    int startYear = start != null ? start.getYear() : end.getYear();
    start = start != null ? start : LocalDate.of(startYear, 1, 1);
    end = end != null ? end : LocalDate.of(start.getYear(), 12, 31);
    if (end.isBefore(start)) {
      throw new InvalidInputException("Ngày kết thúc phải từ ngày bắt đầu trở đi.");
    }
    if (end.isAfter(start.plusYears(MAX_YEARS))) {
      throw new InvalidInputException("Kỳ báo cáo dài nhất " + MAX_YEARS + " năm.");
    }
    return new ReportPeriod(null, start, end);
  }

  static ReportPeriod planYear(int year) {
    return new ReportPeriod(year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** The year whose targets and entered denominators apply: the plan year, or the year the range starts in. */
  int targetYear() {
    return planYear != null ? planYear : from.getYear();
  }

  /** The period as reports write it. */
  String label() {
    return planYear != null ? "Năm kế hoạch " + planYear + " (các hồ sơ lập cho kế hoạch năm " + planYear + ")"
        : VietnameseFormat.date(from) + " – " + VietnameseFormat.date(to);
  }

  /** The period as the parameters of the report's addresses. */
  String query() {
    return planYear != null ? "year=" + planYear : "from=" + from + "&to=" + to;
  }

  private static int year(String text) {
    if (text == null || text.isBlank()) {
      return EngineTime.today().getYear();
    }
    String given = text.strip();
    if (given.matches("\\d{4}")) {
      int year = Integer.parseInt(given);
      if (year >= EARLIEST_YEAR && year <= LATEST_YEAR) {
        return year;
      }
    }
    throw new InvalidInputException("Tham số year (năm kế hoạch) \"" + given + "\" không đúng: năm gồm 4 chữ số, từ "
        + EARLIEST_YEAR + " đến " + LATEST_YEAR + ".");
  }

  private static LocalDate date(String text, String name, String label) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String given = text.strip();
    try {
      return given.contains("/") ? LocalDate.parse(given, TYPED) : LocalDate.parse(given);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("Tham số " + name + " (" + label + ") \"" + given
          + "\" không đúng dạng ngày dd/mm/yyyy (hoặc YYYY-MM-DD).");
    }
  }
}
