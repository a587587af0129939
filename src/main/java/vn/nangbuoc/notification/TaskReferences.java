package vn.nangbuoc.notification;

import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.routing.TaskRouting;
import vn.nangbuoc.routing.UnitSubject;

/** How a mail names what a task is about: a child's case (number, initials) or a unit's report (its key alone). */
@Component
class TaskReferences {

  private final CaseFileService caseFiles;
  private final TaskRouting routing;

  TaskReferences(CaseFileService caseFiles, TaskRouting routing) {
    this.caseFiles = caseFiles;
    this.routing = routing;
  }

  ChildReference of(String processInstanceId) {
    return caseFiles.findByProcessInstance(processInstanceId).map(ChildReference::of)
        .orElseGet(() -> new ChildReference(routing.unitSubjectOf(processInstanceId).map(UnitSubject::reference)
            .orElseThrow(), ""));
  }
}
