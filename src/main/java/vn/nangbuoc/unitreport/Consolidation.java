package vn.nangbuoc.unitreport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import vn.nangbuoc.indicators.UnitIndicators;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.organisation.UnitLevel;
import vn.nangbuoc.system.EngineSystem;

/**
 * The report of a unit that receives reports (the province after the 2025 reform, the city before it): the sum of
 * the accepted reports of the units below, each counted once as the version that was accepted, with the unit's own
 * communes (those no unit below reports for, such as communes that ended before the period opened), and the units
 * whose report is not accepted, listed as missing with their state. A returned report is missing. It is frozen
 * when the officer saves it, as a unit's own report is; a report accepted afterwards is in the next version (the
 * head returns the report to refresh it) and until then the report says the frozen one is older.
 */
@Service
class Consolidation {

  /** What a part of a consolidated report is. */
  enum PartKind {
    /** A unit below whose report was accepted: its accepted version counts. */
    REPORT,
    /** One of the unit's own communes, which no unit below reports for. */
    OWN,
    /** A unit below whose report was not accepted when the figures were frozen: it counts for nothing. */
    MISSING
  }

  /** A part as the report shows it: the version that counted, or the state of a missing report. */
  record Part(String unitCode, PartKind kind, ReportVersion source, ReportState state) {
  }

  /** A consolidation computed (to freeze, or to show the preparer), or read back from a frozen version. */
  record Consolidated(UnitIndicators.Figures figures, List<Part> parts, List<UnitIndicators.Figure> own,
      ReportVersion.Activities below) {
  }

  private final UnitReportRecords records;
  private final ConsolidationRecords stored;
  private final OrganisationDirectory organisation;
  private final UnitIndicators indicators;
  private final RuntimeService runtime;
  private final EngineSystem system;

  Consolidation(UnitReportRecords records, ConsolidationRecords stored, OrganisationDirectory organisation,
      UnitIndicators indicators, RuntimeService runtime, EngineSystem system) {
    this.records = records;
    this.stored = stored;
    this.organisation = organisation;
    this.indicators = indicators;
    this.runtime = runtime;
    this.system = system;
  }

  /**
   * When a period opens, after its communes' reports: every unit that receives reports gets its own, sent to the
   * unit above it, up to the period's unit, whose report goes to nobody (the top of the period's tree).
   */
  void openReceivers(ReportPeriod period) {
    Deque<String> receivers = new ArrayDeque<>();
    records.ofPeriod(period.code()).stream().map(UnitReportRow::receivingUnitCode).filter(code -> code != null)
        .distinct().forEach(receivers::add);
    Set<String> opened = new LinkedHashSet<>();
    while (!receivers.isEmpty()) {
      String unitCode = receivers.poll();
      if (!opened.add(unitCode) || records.byKey(businessKey(period, unitCode)).isPresent()) {
        continue;
      }
      AdministrativeUnit unit = organisation.unit(unitCode).orElseThrow();
      String above = unitCode.equals(period.rootUnitCode()) ? null : unit.parentCode();
      String key = businessKey(period, unitCode);
      records.insertReport(period.code(), unitCode, above, period.deadlineOf(unit.level()), key);
      system.run(() -> runtime.startProcessInstanceByKey(UnitReport.PROCESS_KEY, key));
      if (above != null) {
        receivers.add(above);
      }
    }
  }

  static String businessKey(ReportPeriod period, String unitCode) {
    return "BC-" + period.code() + "-" + unitCode;
  }

  /** Whether the report consolidates others': a unit above the communes. */
  boolean consolidates(UnitReportRow report) {
    return organisation.unit(report.unitCode()).map(unit -> unit.level() != UnitLevel.COMMUNE).orElse(false);
  }

  /** The consolidation as it stands now: what the officer's save freezes. */
  Consolidated compute(UnitReportRow report, ReportPeriod period) {
    List<UnitReportRow> below = below(report);
    Set<String> reportedBelow = new TreeSet<>();
    below.forEach(r -> reportedBelow.addAll(organisation.communesUnder(r.unitCode())));
    List<Part> parts = new ArrayList<>();
    List<List<UnitIndicators.Figure>> summed = new ArrayList<>();
    Set<String> covered = new TreeSet<>();
    for (UnitReportRow r : below) {
      Optional<ReportVersion> accepted = r.state() == ReportState.ACCEPTED ? records.versions(r.id()).stream()
          .filter(v -> v.status() == VersionStatus.ACCEPTED).reduce((first, second) -> second) : Optional.empty();
      if (accepted.isPresent()) {
        parts.add(new Part(r.unitCode(), PartKind.REPORT, accepted.get(), r.state()));
        summed.add(accepted.get().figures());
        covered.addAll(organisation.communesUnder(r.unitCode()));
      } else {
        parts.add(new Part(r.unitCode(), PartKind.MISSING, null, r.state()));
      }
    }
    List<String> own = organisation.communesUnder(report.unitCode()).stream()
        .filter(commune -> !reportedBelow.contains(commune)).toList();
    List<UnitIndicators.Figure> ownFigures = List.of();
    if (!own.isEmpty()) {
      ownFigures = indicators.ofOwnCommunes(report.unitCode(), own, reportedBelow, period.countedPlanYear(),
          period.from(), period.to(), period.indicators()).figures();
      summed.add(ownFigures);
      covered.addAll(own);
      own.forEach(commune -> parts.add(new Part(commune, PartKind.OWN, null, null)));
    }
    UnitIndicators.Figures figures = indicators.consolidate(report.unitCode(), period.countedPlanYear(),
        period.from(), period.to(), period.indicators(), summed, covered);
    return new Consolidated(figures, parts, ownFigures, activitiesOf(parts));
  }

  /** Freezes the parts of the consolidation with the version its figures were frozen in. */
  void store(long versionId, Consolidated consolidated) {
    stored.insert(versionId, consolidated.parts().stream().map(p -> new ConsolidationRecords.StoredPart(
        p.unitCode(), p.kind(), p.source() == null ? null : p.source().id(), p.state())).toList(),
        consolidated.own());
  }

  /** A frozen version's consolidation; empty for a commune's report. */
  Optional<Consolidated> of(ReportVersion version) {
    List<ConsolidationRecords.StoredPart> rows = stored.parts(version.id());
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<Part> parts = rows.stream().map(row -> new Part(row.unitCode(), row.kind(),
        row.sourceVersionId() == null ? null : records.versionById(row.sourceVersionId()).orElseThrow(),
        row.sourceState())).toList();
    return Optional.of(new Consolidated(new UnitIndicators.Figures(version.figuresComputedAt(), version.figures()),
        parts, stored.ownFigures(version.id()), activitiesOf(parts)));
  }

  /**
   * The units below whose report was accepted after the version froze its figures (or whose accepted version is
   * not the one it counted): the version is older than what the receiving office has accepted.
   */
  List<String> acceptedSince(UnitReportRow report, Consolidated frozen) {
    List<String> newer = new ArrayList<>();
    for (UnitReportRow r : below(report)) {
      if (r.state() != ReportState.ACCEPTED) {
        continue;
      }
      Long counted = frozen.parts().stream().filter(p -> p.unitCode().equals(r.unitCode()) && p.source() != null)
          .map(p -> p.source().id()).findFirst().orElse(null);
      Long now = records.versions(r.id()).stream().filter(v -> v.status() == VersionStatus.ACCEPTED)
          .map(ReportVersion::id).reduce((first, second) -> second).orElse(null);
      if (now != null && !now.equals(counted)) {
        newer.add(r.unitCode());
      }
    }
    return newer;
  }

  private List<UnitReportRow> below(UnitReportRow report) {
    return records.ofPeriod(report.periodCode()).stream()
        .filter(r -> report.unitCode().equals(r.receivingUnitCode())).toList();
  }

  private static ReportVersion.Activities activitiesOf(List<Part> parts) {
    int sessions = 0;
    int trainings = 0;
    int staff = 0;
    int caregivers = 0;
    int children = 0;
    for (Part part : parts) {
      if (part.source() != null) {
        ReportVersion.Activities a = part.source().activities();
        sessions += a.communicationSessions();
        trainings += a.trainings();
        staff += a.staffTrained();
        caregivers += a.caregiversTakingPart();
        children += a.childrenTakingPart();
      }
    }
    return new ReportVersion.Activities(sessions, trainings, staff, caregivers, children);
  }
}
