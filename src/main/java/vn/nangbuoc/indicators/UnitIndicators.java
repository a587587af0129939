package vn.nangbuoc.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.nangbuoc.input.InvalidInputException;

/**
 * The indicator figures of one unit and period for another feature (a unit's periodic report): the same
 * computation as {@code /bao-cao}, its totals only. Figures, never a child; whoever asks checks who may see them.
 */
@Service
public class UnitIndicators {

  /** One indicator's total, as the report computes it. */
  public record Figure(String indicatorId, String name, String valueUnit, String unitLabel, Long numerator,
      Long denominator, BigDecimal value, BigDecimal target, Boolean met) {
  }

  /** The figures and when they were computed. */
  public record Figures(Instant computedAt, List<Figure> figures) {
  }

  private final IndicatorCatalogue catalogue;
  private final IndicatorReport report;
  private final ReportScope scope;

  UnitIndicators(IndicatorCatalogue catalogue, IndicatorReport report, ReportScope scope) {
    this.catalogue = catalogue;
    this.report = report;
    this.scope = scope;
  }

  /** The ids of the catalogue's indicators, in its order. */
  public List<String> ids() {
    return catalogue.all().stream().map(Indicator::id).toList();
  }

  /** Each indicator's id and name, in the catalogue's order (a period's form offers them to choose from). */
  public java.util.Map<String, String> names() {
    java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
    catalogue.all().forEach(indicator -> names.put(indicator.id(), indicator.name()));
    return names;
  }

  /** Refuses ids the catalogue does not have, naming them. */
  public void requireKnown(Collection<String> ids) {
    Set<String> known = Set.copyOf(ids());
    List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidInputException("Danh mục chỉ tiêu không có chỉ tiêu "
          + unknown.stream().limit(5).collect(Collectors.joining(", ")) + ".");
    }
  }

  /** The figures of the indicators over the period's days (every one when {@code ids} is empty). */
  public Figures of(String unitCode, LocalDate from, LocalDate to, Collection<String> ids) {
    return of(unitCode, null, from, to, ids);
  }

  /**
   * The figures of the indicators (every one when {@code ids} is empty), in the catalogue's order: a plan year's
   * enrolments whenever their steps happened, as {@code /bao-cao} counts by default, or (planYear null) what
   * happened between the days.
   */
  public Figures of(String unitCode, Integer planYear, LocalDate from, LocalDate to, Collection<String> ids) {
    return figures(report.compute(scope.area(unitCode), period(planYear, from, to)), ids);
  }

  /**
   * The figures of a unit's own communes: those no unit below reports for. A child a reorganisation carried on
   * from one of them to a commune in {@code reportedBelow} is that commune's, and counts there only.
   */
  public Figures ofOwnCommunes(String unitCode, Collection<String> own, Collection<String> reportedBelow,
      Integer planYear, LocalDate from, LocalDate to, Collection<String> ids) {
    ReportScope.Area unit = scope.area(unitCode);
    ReportScope.Area area = new ReportScope.Area(unit.unit(), List.copyOf(own), unit.unitAndAncestors());
    return figures(report.compute(area, period(planYear, from, to), List.copyOf(reportedBelow)), ids);
  }

  /**
   * A unit's consolidated figures: what adds up is the sum of the parts (the accepted reports of the units below
   * as they froze them, and the unit's own communes); what does not (a median of days, a denominator the unit
   * entered for itself, the unit's target and whether it is met) is taken as the indicator report computes it
   * over {@code communes}, every commune the parts cover. When every part was frozen from today's data the figures
   * are the indicator report's for those communes.
   */
  public Figures consolidate(String unitCode, Integer planYear, LocalDate from, LocalDate to, Collection<String> ids,
      List<List<Figure>> parts, Collection<String> communes) {
    ReportScope.Area unit = scope.area(unitCode);
    // before any part is there no commune is counted; none is coded "", and the unit's targets still apply
    List<String> over = communes.isEmpty() ? List.of("") : List.copyOf(communes);
    ReportScope.Area area = new ReportScope.Area(unit.unit(), over, unit.unitAndAncestors());
    IndicatorReport.Report computed = report.compute(area, period(planYear, from, to));
    List<Figure> figures = new ArrayList<>();
    for (IndicatorReport.Figure whole : computed.indicators()) {
      if (!ids.isEmpty() && !ids.contains(whole.id())) {
        continue;
      }
      Indicator indicator = catalogue.byId(whole.id()).orElseThrow();
      Long numerator = whole.numerator();
      Long denominator = whole.denominator();
      BigDecimal value = whole.value();
      if (indicator.unit() != ValueUnit.DAYS) {
        List<Figure> same = parts.stream().flatMap(List::stream).filter(f -> f.indicatorId().equals(whole.id()))
            .toList();
        numerator = same.stream().map(Figure::numerator).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
        if (indicator.denominator() != null) {
          denominator = same.stream().map(Figure::denominator).filter(Objects::nonNull).mapToLong(Long::longValue)
              .sum();
        }
        value = IndicatorReport.value(indicator, numerator, denominator);
      }
      BigDecimal target = whole.target();
      Boolean met = target == null || value == null ? null
          : indicator.atMost() ? value.compareTo(target) <= 0 : value.compareTo(target) >= 0;
      figures.add(new Figure(whole.id(), whole.name(), whole.unit(), whole.unitLabel(), numerator, denominator, value,
          target, met));
    }
    return new Figures(computed.computedAt(), figures);
  }

  private static Figures figures(IndicatorReport.Report computed, Collection<String> ids) {
    List<Figure> figures = computed.indicators().stream().filter(f -> ids.isEmpty() || ids.contains(f.id()))
        .map(f -> new Figure(f.id(), f.name(), f.unit(), f.unitLabel(), f.numerator(), f.denominator(), f.value(),
            f.target(), f.met()))
        .toList();
    return new Figures(computed.computedAt(), figures);
  }

  private static ReportPeriod period(Integer planYear, LocalDate from, LocalDate to) {
    return planYear != null ? ReportPeriod.planYear(planYear) : new ReportPeriod(null, from, to);
  }
}
