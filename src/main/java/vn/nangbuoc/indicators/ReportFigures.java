package vn.nangbuoc.indicators;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/**
 * How a report's figures are written for people, the same on the page and in the exports: Vietnamese numbers
 * (1.234, 85,5), whether a target is met in words, and for publication counts below 5 as "&lt;5".
 */
final class ReportFigures {

  static final String SMALL = "<5";
  /** A value that would reveal a count below 5 (a share of it, its median). */
  static final String HIDDEN = "(ẩn)";

  private ReportFigures() {
  }

  /** Small counts identify children in a commune; zero identifies nobody, so it stays. */
  static boolean small(Long count) {
    return count != null && count > 0 && count < 5;
  }

  /** A count as shown on the page; "" when there is none. */
  static String count(Long count) {
    return count == null ? "" : number(BigDecimal.valueOf(count));
  }

  /** Whether the value is to be hidden for publication. */
  static boolean hides(String unit, Long numerator, Long denominator) {
    return !ValueUnit.AMOUNT.word().equals(unit) && (small(numerator) || small(denominator));
  }

  static String withUnit(String unit, String unitLabel, BigDecimal value) {
    if (value == null) {
      return "—";
    }
    return ValueUnit.PERCENT.word().equals(unit) ? number(value) + "%" : number(value) + " " + unitLabel;
  }

  static String met(Boolean met, BigDecimal target) {
    if (target == null) {
      return "Không có chỉ tiêu";
    }
    if (met == null) {
      return "Chưa có số liệu";
    }
    return met ? "Đạt" : "Chưa đạt";
  }

  /** Grouped by dots, decimals after a comma, as Vietnamese write numbers. */
  static String number(BigDecimal value) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols();
    symbols.setGroupingSeparator('.');
    symbols.setDecimalSeparator(',');
    return new DecimalFormat("#,##0.#", symbols).format(value);
  }
}
