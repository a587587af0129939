package vn.nangbuoc.unitreport;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.nangbuoc.indicators.UnitIndicators;
import vn.nangbuoc.system.EngineTime;

/**
 * A consolidated version as people read it, on its page, in its workbook and in the forms: the units whose accepted
 * report it counts, the unit's own communes, the units missing (with the state their report was in), the
 * activities of the units below added to the unit's own, and whether it is older than what has been accepted since.
 */
@Component
class ConsolidationViews {

  /** One unit of the consolidation. */
  record PartView(String unitCode, String unitName, String reportKey, Integer version, String acceptedAt,
      String state, Map<String, UnitIndicators.Figure> figures) {
  }

  /**
   * @param own the unit's own communes, with {@code ownFigures} their figures by indicator id; empty when none
   * @param newer the units whose report was accepted after the figures were frozen (for the latest version)
   */
  record View(List<PartView> included, List<PartView> missing, List<String> own,
      Map<String, UnitIndicators.Figure> ownFigures, ReportVersion.Activities below, ReportVersion.Activities total,
      List<String> newer) {

    public boolean isOlder() {
      return !newer.isEmpty();
    }
  }

  private final Consolidation consolidation;
  private final UnitReportRecords records;
  private final UnitReportAccess access;

  ConsolidationViews(Consolidation consolidation, UnitReportRecords records, UnitReportAccess access) {
    this.consolidation = consolidation;
    this.records = records;
    this.access = access;
  }

  /** The version's consolidation; for the report's latest version, which units were accepted since. */
  Optional<View> of(UnitReportRow report, ReportVersion version, boolean latest) {
    return consolidation.of(version).map(c -> view(report, c, version.activities(), latest
        ? consolidation.acceptedSince(report, c) : List.of(), version.figuresComputedAt().atZone(EngineTime.VIETNAM)
        .toLocalDate()));
  }

  /** The consolidation as it stands now, before the officer freezes it (own activities not entered yet). */
  View current(UnitReportRow report, Consolidation.Consolidated now) {
    return view(report, now, new ReportVersion.Activities(0, 0, 0, 0, 0), List.of(), EngineTime.today());
  }

  private View view(UnitReportRow report, Consolidation.Consolidated c, ReportVersion.Activities own,
      List<String> newer, LocalDate frozenOn) {
    Map<String, UnitReportRow> rows = records.ofPeriod(report.periodCode()).stream()
        .collect(Collectors.toMap(UnitReportRow::unitCode, Function.identity()));
    List<PartView> included = c.parts().stream().filter(p -> p.kind() == Consolidation.PartKind.REPORT)
        .map(p -> new PartView(p.unitCode(), access.unitName(p.unitCode()), rows.get(p.unitCode()).businessKey(),
            p.source().version(), UnitReportForms.when(p.source().reviewedAt()), ReportState.ACCEPTED.label(),
            byId(p.source().figures())))
        .toList();
    List<PartView> missing = c.parts().stream().filter(p -> p.kind() == Consolidation.PartKind.MISSING)
        .map(p -> {
          UnitReportRow row = rows.get(p.unitCode());
          boolean late = !p.state().isSent() && frozenOn.isAfter(row.deadline());
          return new PartView(p.unitCode(), access.unitName(p.unitCode()), row.businessKey(), null, null,
              late ? "Quá hạn (" + p.state().label() + ")" : p.state().label(), Map.of());
        })
        .toList();
    List<String> ownCommunes = c.parts().stream().filter(p -> p.kind() == Consolidation.PartKind.OWN)
        .map(p -> access.unitName(p.unitCode())).toList();
    ReportVersion.Activities b = c.below();
    ReportVersion.Activities total = new ReportVersion.Activities(b.communicationSessions()
        + own.communicationSessions(), b.trainings() + own.trainings(), b.staffTrained() + own.staffTrained(),
        b.caregiversTakingPart() + own.caregiversTakingPart(), b.childrenTakingPart() + own.childrenTakingPart());
    return new View(included, missing, ownCommunes, byId(c.own()), b, total,
        newer.stream().map(access::unitName).toList());
  }

  private static Map<String, UnitIndicators.Figure> byId(List<UnitIndicators.Figure> figures) {
    return figures.stream().collect(Collectors.toMap(UnitIndicators.Figure::indicatorId, Function.identity(),
        (first, second) -> first, java.util.LinkedHashMap::new));
  }
}
