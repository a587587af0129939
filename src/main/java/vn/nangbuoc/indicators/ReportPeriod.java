package vn.nangbuoc.indicators;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.system.EngineTime;

/**
 * The period of a report: the plan year by default (1 January to 31 December of this year, or of the one date
 * given). The API sends YYYY-MM-DD, a person types dd/MM/yyyy: both are read.
 */
record ReportPeriod(LocalDate from, LocalDate to) {

  /** Longer periods are reports over many plans: they are not what a plan's indicator means. */
  static final int MAX_YEARS = 10;

  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/uuuu")
      .withResolverStyle(ResolverStyle.STRICT);

  static ReportPeriod of(String from, String to) {
    LocalDate start = date(from, "from", "ngày bắt đầu");
    LocalDate end = date(to, "to", "ngày kết thúc");
    int year = start != null ? start.getYear() : end != null ? end.getYear() : EngineTime.today().getYear();
    start = start != null ? start : LocalDate.of(year, 1, 1);
    end = end != null ? end : LocalDate.of(start.getYear(), 12, 31);
    if (end.isBefore(start)) {
      throw new InvalidInputException("Ngày kết thúc phải từ ngày bắt đầu trở đi.");
    }
    if (end.isAfter(start.plusYears(MAX_YEARS))) {
      throw new InvalidInputException("Kỳ báo cáo dài nhất " + MAX_YEARS + " năm.");
    }
    return new ReportPeriod(start, end);
  }

  /** The period as the parameters of the report's addresses. */
  String query() {
    return "from=" + from + "&to=" + to;
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
