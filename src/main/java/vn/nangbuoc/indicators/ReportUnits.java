package vn.nangbuoc.indicators;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.OrganisationDirectory;

/**
 * The units whose report a user may open, by {@link ReportScope}'s rule: every commune of the unit in the user's
 * area. The candidates are the user's communes and the units above them; broadest first.
 */
@Component
public class ReportUnits {

  private final OrganisationDirectory organisation;

  ReportUnits(OrganisationDirectory organisation) {
    this.organisation = organisation;
  }

  /** Whether the user may read some unit's report: their own commune at least, when they have one. */
  public boolean mayReadAny(String userId) {
    return !organisation.communesOf(userId).isEmpty();
  }

  List<AdministrativeUnit> readable(String userId) {
    Set<String> mine = organisation.communesOf(userId);
    Set<AdministrativeUnit> candidates = new LinkedHashSet<>();
    mine.forEach(commune -> candidates.addAll(organisation.unitAndAncestors(commune)));
    return candidates.stream().filter(unit -> {
      Set<String> under = organisation.communesUnder(unit.code());
      return !under.isEmpty() && mine.containsAll(under);
    }).sorted(Comparator.comparing(AdministrativeUnit::level).thenComparing(AdministrativeUnit::displayName))
        .toList();
  }
}
