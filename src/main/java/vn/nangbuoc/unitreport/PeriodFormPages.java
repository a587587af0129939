package vn.nangbuoc.unitreport;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.nangbuoc.indicators.UnitIndicators;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.system.EngineTime;

/**
 * The page to declare a period and the button that opens it: the same service as the API
 * ({@link ReportPeriods}), so an office head declares only ad-hoc periods of his unit here too. Dates are typed as
 * dd/mm/yyyy; every problem is shown beside its field and nothing is stored.
 */
@PageController
class PeriodFormPages {

  static final String NEW = "/bao-cao-dinh-ky/moi";
  private static final List<String> DATES = List.of("from", "to", "preparationOpens", "communeDeadline",
      "districtDeadline", "provinceDeadline");
  private static final Map<String, String> DATE_LABELS = Map.of("from", "ngày bắt đầu của kỳ",
      "to", "ngày kết thúc của kỳ", "preparationOpens", "ngày bắt đầu chuẩn bị",
      "communeDeadline", "hạn gửi của xã/phường", "districtDeadline", "hạn gửi của huyện/thành phố",
      "provinceDeadline", "hạn gửi của tỉnh");

  private final ReportPeriods periods;
  private final PeriodOpeners openers;
  private final UnitIndicators indicators;
  private final JdbcClient jdbc;
  private final OrganisationDirectory organisation;

  PeriodFormPages(ReportPeriods periods, PeriodOpeners openers, UnitIndicators indicators, JdbcClient jdbc,
      OrganisationDirectory organisation) {
    this.periods = periods;
    this.openers = openers;
    this.indicators = indicators;
    this.jdbc = jdbc;
    this.organisation = organisation;
  }

  @GetMapping(NEW)
  String form(Authentication user, Model model) {
    openers.requireSomeOffice(user.getName(), "khai báo kỳ báo cáo");
    Map<String, String> form = new LinkedHashMap<>();
    boolean administrator = openers.isAdministrator(user.getName());
    form.put("kind", administrator ? ReportPeriod.Kind.ANNUAL.name() : ReportPeriod.Kind.AD_HOC.name());
    form.put("planYear", String.valueOf(EngineTime.today().getYear()));
    return show(user, model, form, List.of(), Map.of());
  }

  @PostMapping(NEW)
  String declare(@RequestParam MultiValueMap<String, String> fields, Authentication user, Model model,
      HttpServletResponse response) {
    openers.requireSomeOffice(user.getName(), "khai báo kỳ báo cáo");
    Map<String, String> form = new LinkedHashMap<>(fields.toSingleValueMap());
    form.remove("_csrf");
    List<String> chosen = fields.getOrDefault("indicators", List.of());
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, LocalDate> dates = new LinkedHashMap<>();
    for (String field : DATES) {
      FieldReader reader = FieldReader.of(form);
      dates.put(field, reader.optionalDate(field, DATE_LABELS.get(field)));
      if (!reader.isValid()) {
        errors.put(field, reader.errors().get(0));
      }
    }
    Integer year = null;
    String planYear = form.getOrDefault("planYear", "").strip();
    if (!planYear.isEmpty()) {
      try {
        year = Integer.valueOf(planYear);
      } catch (NumberFormatException e) {
        errors.put("planYear", "Năm kế hoạch là một số, ví dụ 2026.");
      }
    }
    try {
      ReportPeriods.PeriodRequest request = new ReportPeriods.PeriodRequest(form.get("code"), form.get("name"),
          form.get("kind"), year, dates.get("from"), dates.get("to"), form.get("unit"), chosen,
          dates.get("preparationOpens"), dates.get("communeDeadline"), dates.get("districtDeadline"),
          dates.get("provinceDeadline"));
      if (errors.isEmpty()) {
        ReportPeriod period = periods.create(request, user.getName());
        return "redirect:/bao-cao-dinh-ky/" + period.code();
      }
      // the service's own checks too, so that every problem shows at once
      periods.check(request, user.getName());
    } catch (InvalidPeriodException e) {
      e.fields().forEach(errors::putIfAbsent);
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return show(user, model, form, chosen, errors);
  }

  @PostMapping("/bao-cao-dinh-ky/{code}/mo")
  String open(@PathVariable String code, Authentication user) {
    periods.open(code, user.getName());
    return "redirect:/bao-cao-dinh-ky/" + periods.get(code).code();
  }

  private String show(Authentication user, Model model, Map<String, String> form, List<String> chosen,
      Map<String, String> errors) {
    model.addAttribute("form", form);
    model.addAttribute("chosen", chosen);
    model.addAttribute("errors", errors);
    model.addAttribute("catalogue", indicators.names());
    model.addAttribute("administrator", openers.isAdministrator(user.getName()));
    model.addAttribute("units", units(user.getName()));
    return "unitreport/new-period";
  }

  /** Code → name of the units the user may declare a period for: every province and district for administrators. */
  private Map<String, String> units(String userId) {
    List<String> codes = openers.isAdministrator(userId)
        ? jdbc.sql("select code from administrative_unit where unit_level <> 'COMMUNE' and (valid_to is null or"
            + " valid_to > ?) order by unit_level desc, code").param(EngineTime.today()).query(String.class).list()
        : openers.unitsHeaded(userId);
    Map<String, String> units = new LinkedHashMap<>();
    codes.forEach(code -> units.put(code, organisation.unit(code).map(u -> u.displayName()).orElse(code)));
    return units;
  }
}
