package vn.nangbuoc.routing;

import vn.nangbuoc.organisation.ResponsibleAgency;

/** Who does a task for a child and within how many working days. */
public record Route(ResponsibleAgency agency, int deadlineWorkingDays) {
}
