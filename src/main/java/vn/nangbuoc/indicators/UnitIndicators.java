package vn.nangbuoc.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
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

  /** The figures of the indicators (every one when {@code ids} is empty), in the catalogue's order. */
  public Figures of(String unitCode, LocalDate from, LocalDate to, Collection<String> ids) {
    // the days of the reporting period, not its plan year's enrolments: what happened between its dates
    IndicatorReport.Report computed = report.compute(scope.area(unitCode), new ReportPeriod(null, from, to));
    List<Figure> figures = computed.indicators().stream().filter(f -> ids.isEmpty() || ids.contains(f.id()))
        .map(f -> new Figure(f.id(), f.name(), f.unit(), f.unitLabel(), f.numerator(), f.denominator(), f.value(),
            f.target(), f.met()))
        .toList();
    return new Figures(computed.computedAt(), figures);
  }
}
