package vn.nangbuoc.routing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.system.EngineTime;

/**
 * Due dates of user tasks, used by the task itself and by its escalation timer (the timeout listener
 * the engine gives every user task, escalation.OverdueTimeout; a boundary timer in the pathway's
 * versions before issue 18). The timer is created before the task, so whoever asks first computes the
 * date and keeps it in a variable local to the task's scope; the other reads the same date.
 */
@Component("taskDeadlines")
public class TaskDeadlines {

  private final TaskRouting routing;
  private final WorkingCalendar calendar;
  private final Duration repeatEvery;

  TaskDeadlines(TaskRouting routing, WorkingCalendar calendar,
      @Value("${nangbuoc.escalation.repeat-every:P1D}") Duration repeatEvery) {
    this.routing = routing;
    this.calendar = calendar;
    this.repeatEvery = repeatEvery;
  }

  public Date dueDate(DelegateExecution execution) {
    Object known = execution.getVariableLocal(ChildPathway.VAR_TASK_DUE_DATE);
    if (known instanceof Date date) {
      return date;
    }
    Route route = routing.routeFor(execution.getCurrentActivityId(), execution.getProcessInstanceId());
    ZonedDateTime now = EngineTime.now().atZone(EngineTime.VIETNAM);
    // a subject's deadline (a unit's report) holds while it is ahead; work given after it gets the table's days
    Date due = route.deadline() != null && !route.deadline().isBefore(now.toLocalDate())
        ? Date.from(route.deadline().plusDays(1).atStartOfDay(EngineTime.VIETNAM).minusSeconds(1).toInstant())
        : calendar.deadline(now, route.deadlineWorkingDays());
    execution.setVariableLocal(ChildPathway.VAR_TASK_DUE_DATE, due);
    return due;
  }

  /** ISO 8601 repeating interval: first at the due date, then every configured interval until done. */
  public String escalationCycle(DelegateExecution execution) {
    OffsetDateTime due = dueDate(execution).toInstant().atOffset(ZoneOffset.UTC);
    return "R/" + due.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/" + repeatEvery;
  }
}
