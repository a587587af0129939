package vn.nangbuoc.indicators;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.nangbuoc.system.EngineTime;

/**
 * The indicators of a unit for a period, and the denominators its offices enter. Figures only: no child is named,
 * and a unit outside the user's area is refused.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

  private final ReportScope scope;
  private final IndicatorReport report;
  private final Denominators denominators;
  private final ReportExports exports;

  ReportController(ReportScope scope, IndicatorReport report, Denominators denominators, ReportExports exports) {
    this.scope = scope;
    this.report = report;
    this.denominators = denominators;
    this.exports = exports;
  }

  /**
   * A plan year ({@code year}, this year's by default): the children enrolled in its plan; or a date range
   * ({@code from}, {@code to}): what happened between those days.
   */
  @GetMapping("/indicators")
  IndicatorReport.Report indicators(@RequestParam(required = false) String unit,
      @RequestParam(required = false) String year, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Authentication user) {
    ReportScope.Area area = scope.readable(unit, user.getName());
    return report.compute(area, ReportPeriod.of(year, from, to));
  }

  /** The same report as a workbook; {@code cong-bo=1} for publication: counts below 5 shown as "<5". */
  @GetMapping("/indicators.xlsx")
  ResponseEntity<byte[]> workbook(@RequestParam(required = false) String unit,
      @RequestParam(required = false) String year, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(name = "cong-bo", required = false) String publication,
      Authentication user) {
    IndicatorReport.Report computed = indicators(unit, year, from, to, user);
    return ReportExports.xlsxAnswer(exports.xlsx(computed, ReportExports.forPublication(publication)), computed);
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
}
