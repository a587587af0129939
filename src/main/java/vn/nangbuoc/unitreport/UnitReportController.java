package vn.nangbuoc.unitreport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.security.Roles;
import vn.nangbuoc.system.EngineTime;

/**
 * Reporting periods and the reports of their units. An administrator declares and opens a period; the offices
 * read the state of every report of their area, and each report's versions. Figures and what officers wrote
 * about the units' work only: no child is named.
 */
@RestController
class UnitReportController {

  /** One unit's report as the receiving office follows it. */
  record ReportState(String reportKey, String unit, String unitName, String receivingUnit, LocalDate deadline,
      String state, String stateLabel, boolean late, Instant submittedAt, Instant acceptedAt) {
  }

  record PeriodReports(ReportPeriod period, List<ReportState> reports) {
  }

  record ReportVersions(ReportState report, String periodName, List<ReportVersion> versions) {
  }

  private final ReportPeriods periods;
  private final UnitReportRecords records;
  private final OrganisationDirectory organisation;
  private final Roles roles;

  UnitReportController(ReportPeriods periods, UnitReportRecords records, OrganisationDirectory organisation,
      Roles roles) {
    this.periods = periods;
    this.records = records;
    this.organisation = organisation;
    this.roles = roles;
  }

  @PostMapping("/api/report-periods")
  ReportPeriod create(@RequestBody ReportPeriods.PeriodRequest request, Authentication user) {
    return periods.create(request, user.getName());
  }

  @PostMapping("/api/report-periods/{code}/open")
  PeriodReports open(@PathVariable String code, Authentication user) {
    List<UnitReportRow> opened = periods.open(code, user.getName());
    return new PeriodReports(periods.get(code), opened.stream().map(this::state).toList());
  }

  /** Every report of the period in the user's area (all of them for administrators), with its state. */
  @GetMapping("/api/report-periods/{code}/reports")
  PeriodReports reports(@PathVariable String code, Authentication user) {
    ReportPeriod period = periods.get(code);
    boolean all = roles.isAdministrator(user.getName());
    Set<String> area = organisation.communesOf(user.getName());
    return new PeriodReports(period, records.ofPeriod(period.code()).stream()
        .filter(report -> all || area.contains(report.unitCode())).map(this::state).toList());
  }

  /** A report and every version of it, oldest first: a sent version never changes, a correction is the next. */
  @GetMapping("/api/unit-reports/{key}")
  ReportVersions report(@PathVariable String key, Authentication user) {
    UnitReportRow report = readable(key, user.getName());
    return new ReportVersions(state(report), periods.get(report.periodCode()).name(), records.versions(report.id()));
  }

  UnitReportRow readable(String key, String userId) {
    UnitReportRow report = records.byKey(key).orElseThrow(() -> new NotFoundException("Không có báo cáo \"" + key
        + "\"."));
    if (!organisation.communesOf(userId).contains(report.unitCode())) {
      throw new ForbiddenException("Bạn không được xem báo cáo này: chỉ xem được báo cáo của đơn vị thuộc địa bàn"
          + " cơ quan mình.");
    }
    return report;
  }

  private ReportState state(UnitReportRow report) {
    String name = organisation.unit(report.unitCode()).map(unit -> unit.displayName()).orElse(report.unitCode());
    boolean late = report.isLate(EngineTime.today());
    return new ReportState(report.businessKey(), report.unitCode(), name, report.receivingUnitCode(),
        report.deadline(), report.state().name(), late ? "Quá hạn (" + report.state().label() + ")"
        : report.state().label(), late, report.submittedAt(), report.acceptedAt());
  }
}
