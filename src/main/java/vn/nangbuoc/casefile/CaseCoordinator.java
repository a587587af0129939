package vn.nangbuoc.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.nangbuoc.organisation.AgencyNotFoundException;
import vn.nangbuoc.organisation.OrganisationDirectory;

/**
 * Who coordinates a commune's case files, by the name the organisation data gives it: the agency that
 * serves the duty the routing table gives the review of a listing. Before the 2025 reform that was the
 * city's labour office, after it the commune's culture–social office: a message that names it must ask.
 */
@Component
public class CaseCoordinator {

  /** The duty of {@code Task_ReviewListing} in {@code bpmn/task-routing.dmn} (and of the case's other reviews). */
  static final String DUTY = "CASE_COORDINATION";
  static final String ROLE = "STAFF";
  /** Where the commune is unknown or no agency serves it yet: true, and it names no one wrongly. */
  public static final String NEUTRAL = "cơ quan điều phối hồ sơ";

  private final OrganisationDirectory organisation;

  CaseCoordinator(OrganisationDirectory organisation) {
    this.organisation = organisation;
  }

  /** The coordinating agency of the commune, if the organisation has one today. */
  public Optional<String> of(String communeCode) {
    if (communeCode == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(organisation.responsibleAgency(DUTY, ROLE, communeCode).agencyName());
    } catch (AgencyNotFoundException notYetServed) {
      return Optional.empty();
    }
  }

  /** Its name, or the neutral wording. */
  public String nameFor(String communeCode) {
    return of(communeCode).orElse(NEUTRAL);
  }

  /** The one agency that coordinates all these communes; the neutral wording where they have several. */
  public String nameFor(Collection<String> communeCodes) {
    List<String> names = communeCodes.stream().map(this::nameFor).distinct().toList();
    return names.size() == 1 ? names.get(0) : NEUTRAL;
  }
}
