package vn.nangbuoc.pathway;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.input.InvalidInputException;

/** Opens a {@link TaskSubmission}: finds the actor and the case, and refuses anyone not responsible. */
@Component
public class TaskSubmissions {

  private final IdentityService identityService;
  private final CaseFileService caseFiles;
  private final CaseStepRecords records;
  private final TaskWorkers workers;
  private final ApplicationEventPublisher events;

  TaskSubmissions(IdentityService identityService, CaseFileService caseFiles, CaseStepRecords records,
      TaskWorkers workers, ApplicationEventPublisher events) {
    this.events = events;
    this.identityService = identityService;
    this.caseFiles = caseFiles;
    this.records = records;
    this.workers = workers;
  }

  public TaskSubmission open(DelegateTask task) {
    String actor = currentUser();
    if (actor == null) {
      actor = task.getAssignee();
    }
    if (actor == null) {
      throw new InvalidInputException("Không xác định được người thực hiện: hãy đăng nhập rồi thử lại.");
    }
    TaskSubmission submission = new TaskSubmission(task, caseFiles.getByProcessInstance(task.getProcessInstanceId()),
        actor, this);
    submission.requireResponsibleActor();
    return submission;
  }

  public String currentUser() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  CaseStepRecords records() {
    return records;
  }

  CaseFileService caseFiles() {
    return caseFiles;
  }

  TaskWorkers workers() {
    return workers;
  }

  ApplicationEventPublisher events() {
    return events;
  }
}
