package vn.nangbuoc.routing;

import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.ChildInitials;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.TaskTitle;

/** A task's name for the child's case as it is now (its commune changes when the child moves). */
@Component
class TaskTitles {

  private final OrganisationDirectory organisation;

  TaskTitles(OrganisationDirectory organisation) {
    this.organisation = organisation;
  }

  String of(String step, CaseFile file) {
    String commune = organisation.unit(file.communeCode()).map(unit -> unit.displayName()).orElse(file.communeCode());
    return TaskTitle.of(step, file.caseNumber(), ChildInitials.of(file.fullName()), commune);
  }
}
