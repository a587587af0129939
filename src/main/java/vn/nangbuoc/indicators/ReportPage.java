package vn.nangbuoc.indicators;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.organisation.AdministrativeUnit;

/**
 * The report page: a unit the user may read and a period (the plan year by default), each indicator against its
 * target with a chart and its breakdowns; and the same report as XLSX and CSV. The rules are the API's
 * ({@link ReportScope}, {@link ReportPeriod}).
 */
@PageController
class ReportPage {

  private final ReportScope scope;
  private final ReportUnits units;
  private final IndicatorReport report;
  private final ReportExports exports;

  ReportPage(ReportScope scope, ReportUnits units, IndicatorReport report, ReportExports exports) {
    this.scope = scope;
    this.units = units;
    this.report = report;
    this.exports = exports;
  }

  @GetMapping("/bao-cao")
  String page(@RequestParam(required = false) String unit, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, Authentication user, Model model, HttpServletResponse response) {
    List<AdministrativeUnit> readable = units.readable(user.getName());
    model.addAttribute("units", readable);
    IndicatorReport.Report computed;
    try {
      computed = compute(readable, unit, from, to, user);
    } catch (InvalidInputException refused) {
      // the form again as typed, the refusal beside its button, no figures
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("unit", unit);
      model.addAttribute("from", from);
      model.addAttribute("to", to);
      model.addAttribute("refusal", refused.getMessage());
      return "report/report";
    }
    model.addAttribute("report", computed);
    model.addAttribute("from", VietnameseFormat.date(computed.from()));
    model.addAttribute("to", VietnameseFormat.date(computed.to()));
    model.addAttribute("query", "unit=" + computed.unitCode() + "&from=" + computed.from() + "&to=" + computed.to());
    model.addAttribute("indicators", ReportView.of(computed));
    return "report/report";
  }

  @GetMapping("/bao-cao.xlsx")
  ResponseEntity<byte[]> workbook(@RequestParam(required = false) String unit,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(name = "cong-bo", required = false) String publication, Authentication user) {
    IndicatorReport.Report computed = compute(units.readable(user.getName()), unit, from, to, user);
    return ReportExports.xlsxAnswer(exports.xlsx(computed, ReportExports.forPublication(publication)), computed);
  }

  @GetMapping("/bao-cao.csv")
  ResponseEntity<byte[]> csv(@RequestParam(required = false) String unit,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(name = "cong-bo", required = false) String publication, Authentication user) {
    IndicatorReport.Report computed = compute(units.readable(user.getName()), unit, from, to, user);
    return ReportExports.csvAnswer(exports.csv(computed, ReportExports.forPublication(publication)), computed);
  }

  /** A wrong date or unit is the reader's typing, not a state of things: 400 with the sentence, nothing else. */
  @ExceptionHandler(InvalidInputException.class)
  String badInput(InvalidInputException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("message", e.getMessage());
    return "error-page";
  }

  private IndicatorReport.Report compute(List<AdministrativeUnit> readable, String unit, String from, String to,
      Authentication user) {
    if (readable.isEmpty()) {
      throw new ForbiddenException("Bạn không xem được số liệu của đơn vị nào: báo cáo chỉ tiêu dành cho cán bộ"
          + " của cơ quan có địa bàn.");
    }
    ReportPeriod period = ReportPeriod.of(from, to);
    String code = unit == null || unit.isBlank() ? readable.get(0).code() : unit;
    return report.compute(scope.readable(code, user.getName()), period.from(), period.to());
  }
}
