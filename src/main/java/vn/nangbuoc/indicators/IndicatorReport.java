package vn.nangbuoc.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.system.EngineTime;

/**
 * Computes every indicator of the catalogue for an area and a period: numerator, denominator, value, target and
 * whether it is met, in total and by each breakdown. Each distinct fact query runs once, as one grouped statement.
 */
@Service
class IndicatorReport {

  /**
   * @param byPlanYear whether the report counts the children enrolled in {@code planYear}'s plan, or (false) what
   *     happened from {@code from} to {@code to}; planYear is then the year whose targets apply
   */
  record Report(String unitCode, String unitName, LocalDate from, LocalDate to, int planYear, boolean byPlanYear,
      LocalDate ageOn, Instant computedAt, List<Figure> indicators) {
  }

  /**
   * One indicator's figures.
   *
   * @param numerator the children, tasks or đồng counted; for a median, the children whose days it is taken of
   * @param met null when there is no target or no value
   * @param atMost whether the target is a ceiling (days waited) rather than a floor
   */
  record Figure(String id, String name, String plan, String article, String unit, String unitLabel, Long numerator,
      Long denominator, BigDecimal value, BigDecimal target, Boolean met, List<Split> breakdowns, boolean atMost) {
  }

  record Split(String by, String title, List<Row> rows) {
  }

  record Row(String key, String label, Long numerator, Long denominator, BigDecimal value) {
  }

  private final IndicatorCatalogue catalogue;
  private final FactCounts counts;
  private final Denominators denominators;
  private final ReportLabels labels;

  IndicatorReport(IndicatorCatalogue catalogue, FactCounts counts, Denominators denominators, ReportLabels labels) {
    this.catalogue = catalogue;
    this.counts = counts;
    this.denominators = denominators;
    this.labels = labels;
  }

  /** In one read-only transaction: its statements share a connection and {@link FactCounts#makeRoom()}. */
  @Transactional(readOnly = true)
  Report compute(ReportScope.Area area, ReportPeriod period) {
    return compute(area, period, List.of());
  }

  /** The report leaving out the children of {@code excluded} communes ({@link FactCounts.Scope}). */
  @Transactional(readOnly = true)
  Report compute(ReportScope.Area area, ReportPeriod period, List<String> excluded) {
    counts.makeRoom();
    FactCounts.Scope scope = new FactCounts.Scope(area.communes(), excluded, period);
    int year = period.targetYear();
    List<Denominators.Entry> entered = denominators.of(area, year);
    Map<FactQuery, Set<Breakdown>> asked = new LinkedHashMap<>();
    for (Indicator indicator : catalogue.all()) {
      if (indicator.unit() != ValueUnit.DAYS) {
        asked.computeIfAbsent(indicator.numerator(), q -> new LinkedHashSet<>()).addAll(indicator.breakdowns());
        if (indicator.denominator() != null) {
          asked.computeIfAbsent(indicator.denominator(), q -> new LinkedHashSet<>()).addAll(indicator.breakdowns());
        }
      }
    }
    Map<FactQuery, FactCounts.Counted> counted = counts.count(asked, scope);
    Map<Object, Object> ran = new HashMap<>();
    Map<Label, String> named = new HashMap<>();
    List<Figure> figures = new ArrayList<>();
    for (Indicator indicator : catalogue.all()) {
      figures.add(figure(indicator, area, scope, year, entered, counted, ran, named));
    }
    return new Report(area.unit().code(), area.unit().displayName(), period.from(), period.to(), year,
        period.planYear() != null, period.to(), EngineTime.now(), figures);
  }

  private Figure figure(Indicator indicator, ReportScope.Area area, FactCounts.Scope scope, int year,
      List<Denominators.Entry> entered, Map<FactQuery, FactCounts.Counted> counted, Map<Object, Object> ran,
      Map<Label, String> named) {
    List<Breakdown> breakdowns = indicator.breakdowns();
    List<Split> splits = new ArrayList<>();
    Long numerator;
    Long denominator = null;
    BigDecimal value;
    if (indicator.unit() == ValueUnit.DAYS) {
      FactCounts.Medians medians = (FactCounts.Medians) ran.computeIfAbsent(List.of("medians",
          indicator.numerator(), breakdowns), key -> medians(indicator.numerator(), breakdowns, scope));
      numerator = medians.all().count();
      value = medians.all().days();
      for (Breakdown breakdown : breakdowns) {
        Map<String, FactCounts.Median> of = medians.byKey().get(breakdown);
        List<Row> rows = new ArrayList<>();
        for (String key : keys(breakdown, area, of.keySet())) {
          FactCounts.Median median = of.get(key);
          rows.add(new Row(key, label(breakdown, key, named), median == null ? 0L : median.count(), null,
              median == null ? null : median.days()));
        }
        splits.add(new Split(breakdown.word(), breakdown.title(), rows));
      }
    } else {
      FactCounts.Counted top = counted.get(indicator.numerator());
      FactCounts.Counted bottom = indicator.denominator() == null ? null : counted.get(indicator.denominator());
      Denominators.Figures population = indicator.population() == null ? null
          : denominators.figures(indicator.population(), area, entered);
      numerator = top.total();
      denominator = bottom != null ? Long.valueOf(bottom.total())
          : population != null ? population.total().orElse(null) : null;
      value = value(indicator, numerator, denominator);
      for (int i = 0; i < breakdowns.size(); i++) {
        Breakdown breakdown = breakdowns.get(i);
        Map<String, Long> tops = top.byKey().get(breakdown);
        Map<String, Long> bottoms = bottom == null ? null : bottom.byKey().get(breakdown);
        Set<String> found = new LinkedHashSet<>(tops.keySet());
        if (bottoms != null) {
          found.addAll(bottoms.keySet());
        }
        List<Row> rows = new ArrayList<>();
        for (String key : keys(breakdown, area, found)) {
          Long n = tops.getOrDefault(key, 0L);
          Long d = bottoms != null ? bottoms.getOrDefault(key, 0L)
              : population != null && breakdown == Breakdown.COMMUNE ? population.byCommune().get(key) : null;
          rows.add(new Row(key, label(breakdown, key, named), n, d, value(indicator, n, d)));
        }
        splits.add(new Split(breakdown.word(), breakdown.title(), rows));
      }
    }
    BigDecimal target = indicator.target(year, indicator.unit() == ValueUnit.PERCENT ? area.unitAndAncestors()
        : List.of(area.unit().code())).orElse(null);
    Boolean met = target == null || value == null ? null
        : indicator.atMost() ? value.compareTo(target) <= 0 : value.compareTo(target) >= 0;
    return new Figure(indicator.id(), indicator.name(), indicator.plan(), indicator.article(),
        indicator.unit().word(), indicator.unit().label(), numerator, denominator, value, target, met, splits,
        indicator.atMost());
  }

  /** The medians in SQL where the database takes them, else from every child's days, as before. */
  private FactCounts.Medians medians(FactQuery query, List<Breakdown> breakdowns, FactCounts.Scope scope) {
    FactCounts.Medians taken = counts.medians(query, breakdowns, scope);
    if (taken != null) {
      return taken;
    }
    List<FactCounts.Days> days = counts.days(query, breakdowns, scope);
    Map<Breakdown, Map<String, FactCounts.Median>> byKey = new HashMap<>();
    for (int i = 0; i < breakdowns.size(); i++) {
      int at = i;
      Map<String, List<Long>> lists = new LinkedHashMap<>();
      days.forEach(d -> lists.computeIfAbsent(d.keys().get(at), k -> new ArrayList<>()).add(d.days()));
      Map<String, FactCounts.Median> of = new HashMap<>();
      lists.forEach((key, list) -> of.put(key, new FactCounts.Median(list.size(), median(list))));
      byKey.put(breakdowns.get(i), of);
    }
    return new FactCounts.Medians(new FactCounts.Median(days.size(),
        median(days.stream().map(FactCounts.Days::days).toList())), byKey);
  }

  /** A breakdown's key, named once per report: a commune's or an agency's name is read from the directory. */
  private record Label(Breakdown breakdown, String key) {
  }

  private String label(Breakdown breakdown, String key, Map<Label, String> named) {
    return named.computeIfAbsent(new Label(breakdown, key), label -> labels.of(breakdown, key));
  }

  /** The keys a breakdown shows: every commune of the area and every known code, then what else was found. */
  private static List<String> keys(Breakdown breakdown, ReportScope.Area area, Set<String> found) {
    Set<String> keys = new LinkedHashSet<>(breakdown == Breakdown.COMMUNE ? area.communes() : breakdown.knownKeys());
    found.stream().filter(java.util.Objects::nonNull).sorted().forEach(keys::add);
    List<String> ordered = new ArrayList<>(keys);
    if (found.contains(null)) {
      ordered.add(null);
    }
    return ordered;
  }

  static BigDecimal value(Indicator indicator, Long numerator, Long denominator) {
    if (indicator.unit() != ValueUnit.PERCENT) {
      return numerator == null ? null : BigDecimal.valueOf(numerator);
    }
    if (numerator == null || denominator == null || denominator == 0) {
      return null;
    }
    return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
  }

  static BigDecimal median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
      return BigDecimal.valueOf(sorted.get(middle));
    }
    return BigDecimal.valueOf(sorted.get(middle - 1) + sorted.get(middle)).divide(BigDecimal.valueOf(2), 1,
        RoundingMode.HALF_UP);
  }
}
