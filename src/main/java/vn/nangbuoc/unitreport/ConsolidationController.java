package vn.nangbuoc.unitreport;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.nangbuoc.input.NotFoundException;

/**
 * What each version of a consolidated report summed: the units included with the version counted, the unit's own
 * communes, the units missing, and (for the latest) the units accepted since it was frozen. Figures only.
 */
@RestController
class ConsolidationController {

  /** One version's consolidation. */
  record VersionConsolidation(int version, String status, ConsolidationViews.View consolidation) {
  }

  private final UnitReportAccess access;
  private final UnitReportRecords records;
  private final Consolidation consolidation;
  private final ConsolidationViews views;

  ConsolidationController(UnitReportAccess access, UnitReportRecords records, Consolidation consolidation,
      ConsolidationViews views) {
    this.access = access;
    this.records = records;
    this.consolidation = consolidation;
    this.views = views;
  }

  /** Oldest version first, as {@code GET /api/unit-reports/{key}} lists them. */
  @GetMapping("/api/unit-reports/{key}/consolidation")
  List<VersionConsolidation> consolidation(@PathVariable String key, Authentication user) {
    UnitReportRow report = access.readable(key, user.getName());
    if (!consolidation.consolidates(report)) {
      throw new NotFoundException("Báo cáo \"" + key + "\" là báo cáo của xã/phường, không phải báo cáo tổng hợp.");
    }
    List<ReportVersion> versions = records.versions(report.id());
    List<VersionConsolidation> answer = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      ReportVersion v = versions.get(i);
      views.of(report, v, i == versions.size() - 1).ifPresent(view -> answer.add(new VersionConsolidation(
          v.version(), v.status().name(), view)));
    }
    return answer;
  }
}
