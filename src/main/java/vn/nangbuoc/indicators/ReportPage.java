package vn.nangbuoc.indicators;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.nangbuoc.casefile.PlanYears;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.system.EngineTime;

/**
 * The report page: a unit the user may read and a period (the plan year by default), each indicator against its
 * target with a chart and its breakdowns, each count a link to the case files behind it; and the same report as
 * XLSX and CSV. The rules are the API's ({@link ReportScope}, {@link ReportPeriod}).
 */
@PageController
class ReportPage {

  private final ReportScope scope;
  private final ReportUnits units;
  private final IndicatorReport report;
  private final ReportExports exports;
  private final FigureCases cases;
  private final PlanYears planYears;

  ReportPage(ReportScope scope, ReportUnits units, IndicatorReport report, ReportExports exports, FigureCases cases,
      PlanYears planYears) {
    this.planYears = planYears;
    this.scope = scope;
    this.units = units;
    this.report = report;
    this.exports = exports;
    this.cases = cases;
  }

  /** {@code cong-bo=1} shows the page as it would be published: counts below 5 as "&lt;5", and no links. */
  @GetMapping("/bao-cao")
  String page(@RequestParam(required = false) String unit, @RequestParam(required = false) String year,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(name = "cong-bo", required = false) String publication, Authentication user, Model model,
      HttpServletResponse response) {
    List<AdministrativeUnit> readable = units.readable(user.getName());
    model.addAttribute("units", readable);
    ReportPeriod period;
    IndicatorReport.Report computed;
    try {
      period = ReportPeriod.of(year, from, to);
      computed = report.compute(area(readable, unit, user), period);
    } catch (InvalidInputException refused) {
      // the form again as typed, the refusal beside its button, no figures
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("unit", unit);
      Integer typedYear = year != null && year.matches("\\d{4}") ? Integer.valueOf(year) : null;
      model.addAttribute("years", years(typedYear != null ? typedYear : EngineTime.today().getYear()));
      model.addAttribute("year", typedYear);
      model.addAttribute("from", from);
      model.addAttribute("to", to);
      model.addAttribute("refusal", refused.getMessage());
      return "report/report";
    }
    String query = "unit=" + computed.unitCode() + "&" + period.query();
    boolean published = ReportExports.forPublication(publication);
    model.addAttribute("report", computed);
    model.addAttribute("years", years(computed.planYear()));
    model.addAttribute("period", ReportExports.period(computed));
    // a plan year leaves the days empty: a day typed makes the report a date range
    model.addAttribute("from", computed.byPlanYear() ? "" : VietnameseFormat.date(computed.from()));
    model.addAttribute("to", computed.byPlanYear() ? "" : VietnameseFormat.date(computed.to()));
    model.addAttribute("query", query);
    model.addAttribute("publication", published);
    model.addAttribute("indicators", ReportView.of(computed, published,
        (indicator, part, by, key) -> cases.link(query, indicator, part, by, key)));
    return "report/report";
  }

  /**
   * The case files behind one number of the page, for the same unit and period by the same rules of who reads
   * what: a page of {@link FigureCases#PAGE_SIZE}, each child on it recorded in the access log.
   */
  @GetMapping(FigureCases.PATH)
  String cases(@RequestParam(required = false) String unit, @RequestParam(required = false) String year,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String indicator,
      @RequestParam(required = false) String part, @RequestParam(required = false) String by,
      @RequestParam(required = false) String key, @RequestParam(required = false) String page,
      Authentication user, HttpServletRequest request, Model model) {
    ReportScope.Area area = area(units.readable(user.getName()), unit, user);
    ReportPeriod period = ReportPeriod.of(year, from, to);
    FigureCases.Listing listing = cases.list(area, period, indicator, part, by, key, page, user.getName(),
        request.getRemoteAddr());
    String query = "unit=" + area.unit().code() + "&" + period.query();
    model.addAttribute("listing", listing);
    model.addAttribute("unitName", area.unit().displayName());
    model.addAttribute("period", period.label());
    model.addAttribute("reportHref", "/bao-cao?" + query + "#chi-tieu-" + listing.indicator().id());
    model.addAttribute("pageHref", cases.link(query, listing.indicator().id(), listing.part(), listing.by(),
        listing.key()).orElseThrow() + "&page=");
    return "report/cases";
  }

  @GetMapping("/bao-cao.xlsx")
  ResponseEntity<byte[]> workbook(@RequestParam(required = false) String unit,
      @RequestParam(required = false) String year, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(name = "cong-bo", required = false) String publication,
      Authentication user) {
    IndicatorReport.Report computed = compute(unit, year, from, to, user);
    return ReportExports.xlsxAnswer(exports.xlsx(computed, ReportExports.forPublication(publication)), computed);
  }

  @GetMapping("/bao-cao.csv")
  ResponseEntity<byte[]> csv(@RequestParam(required = false) String unit,
      @RequestParam(required = false) String year, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(name = "cong-bo", required = false) String publication,
      Authentication user) {
    IndicatorReport.Report computed = compute(unit, year, from, to, user);
    return ReportExports.csvAnswer(exports.csv(computed, ReportExports.forPublication(publication)), computed);
  }

  /** A wrong date or unit is the reader's typing, not a state of things: 400 with the sentence, nothing else. */
  @ExceptionHandler(InvalidInputException.class)
  String badInput(InvalidInputException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("message", e.getMessage());
    return "error-page";
  }

  private IndicatorReport.Report compute(String unit, String year, String from, String to, Authentication user) {
    ReportScope.Area area = area(units.readable(user.getName()), unit, user);
    return report.compute(area, ReportPeriod.of(year, from, to));
  }

  /** The plan years of the programme, and the one shown: what the period's list offers. */
  private List<Integer> years(int shown) {
    java.util.TreeSet<Integer> years = new java.util.TreeSet<>(planYears.planYears()
        .getOrDefault(planYears.defaultProgramme(), List.of()));
    years.add(shown);
    return List.copyOf(years.descendingSet());
  }

  /** The unit asked for, the broadest the user may read when none is. */
  private ReportScope.Area area(List<AdministrativeUnit> readable, String unit, Authentication user) {
    if (readable.isEmpty()) {
      throw new ForbiddenException("Bạn không xem được số liệu của đơn vị nào: báo cáo chỉ tiêu dành cho cán bộ"
          + " của cơ quan có địa bàn.");
    }
    String code = unit == null || unit.isBlank() ? readable.get(0).code() : unit;
    return scope.readable(code, user.getName());
  }
}
