package vn.nangbuoc.unitreport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.security.PersonNames;
import vn.nangbuoc.system.EngineTime;

/**
 * The pages of periodic reports: a period's reports with every unit's state, for the office that receives them;
 * one report, printable, with every version (a sent one never changes, a correction follows it), and its workbook.
 */
@PageController
class UnitReportPages {

  /** What the report's page and workbook say about the report itself. */
  record ReportView(String key, String unitName, String receivingUnitName, String periodName, LocalDate from,
      LocalDate to, LocalDate deadline, String stateLabel) {
  }

  /** A version as the page prints it; {@code consolidation} null for a commune's report. */
  record VersionView(ReportVersion version, String preparedBy, String signedBy, String reviewedBy,
      String preparedAt, String signedAt, String reviewedAt, List<String> figures,
      ConsolidationViews.View consolidation) {
  }

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final ReportPeriods periods;
  private final UnitReportRecords records;
  private final UnitReportAccess access;
  private final UnitReportController api;
  private final UnitReportWorkbook workbook;
  private final PersonNames names;
  private final ConsolidationViews consolidations;

  UnitReportPages(ReportPeriods periods, UnitReportRecords records, UnitReportAccess access,
      UnitReportController api, UnitReportWorkbook workbook, PersonNames names, ConsolidationViews consolidations) {
    this.periods = periods;
    this.records = records;
    this.access = access;
    this.api = api;
    this.workbook = workbook;
    this.names = names;
    this.consolidations = consolidations;
  }

  @GetMapping("/bao-cao-dinh-ky")
  String periods(Model model) {
    model.addAttribute("periods", records.periods());
    return "unitreport/periods";
  }

  @GetMapping("/bao-cao-dinh-ky/{code}")
  String period(@PathVariable String code, Authentication user, Model model) {
    ReportPeriod period = periods.get(code);
    model.addAttribute("period", period);
    model.addAttribute("reports", access.ofPeriod(period, user.getName()).stream().map(api::state).toList());
    model.addAttribute("today", EngineTime.today());
    return "unitreport/period";
  }

  @GetMapping("/bao-cao-dinh-ky/bao-cao/{key}")
  String report(@PathVariable String key, Authentication user, Model model) {
    UnitReportRow report = access.readable(key, user.getName());
    List<ReportVersion> all = records.versions(report.id());
    List<VersionView> versions = new ArrayList<>(all.stream().map(v -> view(report, v,
        v == all.get(all.size() - 1))).toList());
    Collections.reverse(versions);
    model.addAttribute("report", view(report));
    model.addAttribute("versions", versions);
    return "unitreport/report";
  }

  /** The version the unit sent last (or, before it sent one, the one being signed). */
  @GetMapping("/bao-cao-dinh-ky/bao-cao/{key}.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable String key, Authentication user) {
    UnitReportRow report = access.readable(key, user.getName());
    List<ReportVersion> versions = records.versions(report.id());
    ReportVersion chosen = versions.stream().filter(v -> v.status() == VersionStatus.ACCEPTED
        || v.status() == VersionStatus.SUBMITTED).reduce((first, second) -> second)
        .orElseGet(() -> versions.isEmpty() ? null : versions.get(versions.size() - 1));
    if (chosen == null) {
      throw new NotFoundException("Báo cáo này chưa được lập.");
    }
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + key + "-v"
        + chosen.version() + ".xlsx\"").contentType(XLSX)
        .body(workbook.xlsx(view(report), chosen, consolidations.of(report, chosen,
            chosen.id() == versions.get(versions.size() - 1).id()).orElse(null)));
  }

  private ReportView view(UnitReportRow report) {
    ReportPeriod period = periods.get(report.periodCode());
    return new ReportView(report.businessKey(), access.unitName(report.unitCode()),
        access.unitName(report.receivingUnitCode()), period.name(), period.from(), period.to(), report.deadline(),
        api.state(report).stateLabel());
  }

  private VersionView view(UnitReportRow report, ReportVersion v, boolean latest) {
    return new VersionView(v, names.of(v.preparedBy()), v.signedBy() == null ? null : names.of(v.signedBy()),
        v.reviewedBy() == null ? null : names.of(v.reviewedBy()), UnitReportForms.when(v.preparedAt()),
        UnitReportForms.when(v.signedAt()), UnitReportForms.when(v.reviewedAt()),
        v.figures().stream().map(UnitReportForms::figure).toList(),
        consolidations.of(report, v, latest).orElse(null));
  }
}
