package vn.nangbuoc.escalation;

import java.time.Instant;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.routing.Route;
import vn.nangbuoc.routing.TaskRouting;

/**
 * Escalates one overdue task: raises its priority (it rises to the top of the task lists), records
 * the escalation and announces it (the notifications write to the head of the responsible agency).
 */
@Service
class TaskEscalations {

  private final TaskService taskService;
  private final EscalationRecords records;
  private final CaseFileService caseFiles;
  private final TaskRouting routing;
  private final ApplicationEventPublisher events;

  TaskEscalations(TaskService taskService, EscalationRecords records, CaseFileService caseFiles,
      TaskRouting routing, ApplicationEventPublisher events) {
    this.taskService = taskService;
    this.records = records;
    this.caseFiles = caseFiles;
    this.routing = routing;
    this.events = events;
  }

  void escalate(OverdueTask task, Instant now) {
    // a unit's report is about no child's case
    Long caseId = caseFiles.findByProcessInstance(task.processInstanceId()).map(CaseFile::id).orElse(null);
    int priority = EscalationRule.raisedPriority(task.priority());
    // through the task service, not the entity: the change is logged and kept in history as a person's would be
    taskService.setPriority(task.id(), priority);
    int round = EscalationRule.round(records.countFor(task.id()));
    records.insert(caseId, task, now, priority);
    Route route = routing.routeFor(task.key(), task.processInstanceId());
    events.publishEvent(new TaskEscalated(task.id(), task.processInstanceId(), task.name(), task.dueDate(), round,
        route.agency().agencyId(), route.agency().agencyName()));
  }
}
