package vn.nangbuoc.unitreport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.nangbuoc.system.EngineTime;

/**
 * Reporting periods and the reports of their units. An administrator declares and opens a period; the offices
 * read the state of every report of their area, and each report's versions. Figures and what officers wrote
 * about the units' work only: no child is named.
 */
@RestController
class UnitReportController {

  /** One unit's report as the receiving office follows it. */
  record StateView(String reportKey, String unit, String unitName, String receivingUnit, LocalDate deadline,
      String state, String stateLabel, boolean late, Instant submittedAt, Instant acceptedAt) {
  }

  record PeriodReports(ReportPeriod period, List<StateView> reports) {
  }

  record ReportVersions(StateView report, String periodName, List<ReportVersion> versions) {
  }

  private final ReportPeriods periods;
  private final UnitReportRecords records;
  private final UnitReportAccess access;

  UnitReportController(ReportPeriods periods, UnitReportRecords records, UnitReportAccess access) {
    this.periods = periods;
    this.records = records;
    this.access = access;
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
    return new PeriodReports(period, access.ofPeriod(period, user.getName()).stream().map(this::state).toList());
  }

  /** A report and every version of it, oldest first: a sent version never changes, a correction is the next. */
  @GetMapping("/api/unit-reports/{key}")
  ReportVersions report(@PathVariable String key, Authentication user) {
    UnitReportRow report = access.readable(key, user.getName());
    return new ReportVersions(state(report), periods.get(report.periodCode()).name(), records.versions(report.id()));
  }

  StateView state(UnitReportRow report) {
    String name = access.unitName(report.unitCode());
    boolean late = report.isLate(EngineTime.today());
    return new StateView(report.businessKey(), report.unitCode(), name, report.receivingUnitCode(),
        report.deadline(), report.state().name(), late ? "Quá hạn (" + report.state().label() + ")"
        : report.state().label(), late, report.submittedAt(), report.acceptedAt());
  }
}
