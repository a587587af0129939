package vn.nangbuoc.indicators;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.system.EngineTime;

/**
 * The indicators of a unit for a period, and the denominators its offices enter. Figures only: no child is named,
 * and a unit outside the user's area is refused.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

  /** Longer periods are reports over many plans: they are not what a plan's indicator means. */
  static final int MAX_YEARS = 10;

  private final ReportScope scope;
  private final IndicatorReport report;
  private final Denominators denominators;

  ReportController(ReportScope scope, IndicatorReport report, Denominators denominators) {
    this.scope = scope;
    this.report = report;
    this.denominators = denominators;
  }

  /** The plan year by default: from 1 January to 31 December of this year (or of the one date given). */
  @GetMapping("/indicators")
  IndicatorReport.Report indicators(@RequestParam(required = false) String unit,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to, Authentication user) {
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
    return report.compute(scope.readable(unit, user.getName()), start, end);
  }

  record DenominatorRequest(String population, String unit, Integer year, Long amount) {
  }

  @PutMapping("/denominators")
  Denominators.Entry enter(@RequestBody DenominatorRequest body, Authentication user) {
    return denominators.enter(body.population(), body.unit(), body.year(), body.amount(), user.getName());
  }

  @GetMapping("/denominators")
  List<Denominators.Entry> entered(@RequestParam(required = false) String unit,
      @RequestParam(required = false) Integer year, Authentication user) {
    return denominators.of(scope.readable(unit, user.getName()), year == null ? EngineTime.today().getYear() : year);
  }

  private static LocalDate date(String text, String name, String label) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("Tham số " + name + " (" + label + ") \"" + text.strip()
          + "\" không đúng dạng ngày YYYY-MM-DD.");
    }
  }
}
