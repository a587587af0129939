package vn.nangbuoc.routing;

import java.time.LocalDate;
import vn.nangbuoc.organisation.ResponsibleAgency;

/**
 * Who does a task for a child (or a unit's report) and within how many working days.
 *
 * @param note why the task went where it went when that is not the routing table's plain answer (four eyes), for
 *     the task's description; null otherwise
 * @param deadline the last day of a task its subject sets the date of (a unit's report of a period), instead of
 *     the table's working days; null otherwise
 */
public record Route(ResponsibleAgency agency, int deadlineWorkingDays, String note, LocalDate deadline) {

  public Route(ResponsibleAgency agency, int deadlineWorkingDays) {
    this(agency, deadlineWorkingDays, null, null);
  }

  /** The same work and dates, with another agency and why. */
  Route handedTo(ResponsibleAgency other, String why) {
    return new Route(other, deadlineWorkingDays, why, deadline);
  }
}
