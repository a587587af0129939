package vn.nangbuoc.indicators;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One measure of a plan's target, as the catalogue defines it.
 *
 * @param plan the plan it comes from; article where in the plan
 * @param denominator the facts that make the denominator; null when it is entered ({@code population}) or when
 *     the value is the numerator itself
 * @param population the name of a denominator the offices enter per unit and year (children with disabilities
 *     living in the commune, children aged 0–6); null otherwise
 * @param by breakdowns beyond the standard ones
 * @param atMost whether the target is a ceiling (days waited) rather than a floor
 */
record Indicator(String id, String name, String plan, String article, ValueUnit unit, FactQuery numerator,
    FactQuery denominator, String population, List<Target> targets, List<Breakdown> by, boolean atMost) {

  /** A target for the plan years {@code fromYear..toYear}, for one unit or (unit null) every unit. */
  record Target(int fromYear, int toYear, String unitCode, BigDecimal value) {

    boolean covers(int year) {
      return fromYear <= year && year <= toYear;
    }
  }

  Indicator {
    targets = List.copyOf(targets);
    by = List.copyOf(by);
    if (unit == ValueUnit.PERCENT && (denominator == null) == (population == null)) {
      throw new IllegalArgumentException(id + ": a percentage needs a denominator or a population, not both");
    }
    if (unit != ValueUnit.PERCENT && (denominator != null || population != null)) {
      throw new IllegalArgumentException(id + ": only a percentage has a denominator");
    }
    if ((unit == ValueUnit.DAYS) != (numerator.measure() == Measure.MEDIAN_DAYS)) {
      throw new IllegalArgumentException(id + ": days, and only days, are a median-days numerator");
    }
    if (by.contains(Breakdown.AGENCY) && !numerator.measure().overTasks()) {
      throw new IllegalArgumentException(id + ": only tasks are broken down by agency");
    }
  }

  List<Breakdown> breakdowns() {
    return java.util.stream.Stream.concat(Breakdown.STANDARD.stream(), by.stream()).toList();
  }

  /** The unit's own target for the year, else the one for every unit. */
  Optional<BigDecimal> target(int year, List<String> unitAndAncestors) {
    for (String unitCode : unitAndAncestors) {
      Optional<BigDecimal> own = targets.stream().filter(t -> unitCode.equals(t.unitCode()) && t.covers(year))
          .map(Target::value).findFirst();
      if (own.isPresent()) {
        return own;
      }
    }
    return targets.stream().filter(t -> t.unitCode() == null && t.covers(year)).map(Target::value).findFirst();
  }
}
