package vn.nangbuoc.routing;

import vn.nangbuoc.organisation.ResponsibleAgency;

/**
 * Who does a task for a child and within how many working days.
 *
 * @param note why the task went where it went when that is not the routing table's plain answer (four eyes), for
 *     the task's description; null otherwise
 */
public record Route(ResponsibleAgency agency, int deadlineWorkingDays, String note) {

  public Route(ResponsibleAgency agency, int deadlineWorkingDays) {
    this(agency, deadlineWorkingDays, null);
  }
}
