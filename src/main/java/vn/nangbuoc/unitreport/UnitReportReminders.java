package vn.nangbuoc.unitreport;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.organisation.AgencyNotFoundException;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.security.RoutedGroups;
import vn.nangbuoc.system.EngineSystem;
import vn.nangbuoc.system.EngineTime;

/**
 * Reminds the units whose report is not sent yet, a configured number of days before its deadline (by default 7
 * and 3: on the last working day the report's task has its own reminder, nangbuoc.mail.reminder-working-days).
 * Each report is reminded once per reminder day, and only for the nearest one that has come: a run missed on the
 * seventh day reminds on the sixth, and never twice (the mail's key is the report and the day).
 */
@Component
class UnitReportReminders {

  static final String UNIT_REPORTING = "UNIT_REPORTING";
  static final String STAFF = "STAFF";

  private record Due(String businessKey, String processInstanceId, String unitCode, LocalDate deadline,
      ReportState state, String periodCode, String periodName) {
  }

  private final List<Integer> days;
  private final JdbcClient jdbc;
  private final TaskService taskService;
  private final OrganisationDirectory organisation;
  private final ApplicationEventPublisher events;
  private final EngineSystem system;
  private final RoutedGroups routedGroups;

  UnitReportReminders(@Value("${nangbuoc.unit-report.reminder-days:7,3}") List<Integer> days, JdbcClient jdbc,
      TaskService taskService, OrganisationDirectory organisation, ApplicationEventPublisher events,
      EngineSystem system, RoutedGroups routedGroups) {
    this.days = days.stream().filter(d -> d != null && d >= 0).distinct().sorted().toList();
    this.jdbc = jdbc;
    this.taskService = taskService;
    this.organisation = organisation;
    this.events = events;
    this.system = system;
    this.routedGroups = routedGroups;
  }

  /** Announces every report due within the reminder days and not sent; answers how many. */
  @Transactional
  int remind() {
    if (days.isEmpty()) {
      return 0;
    }
    LocalDate today = EngineTime.today();
    int reminded = 0;
    for (Due due : dueWithin(today, today.plusDays(days.get(days.size() - 1)))) {
      long left = ChronoUnit.DAYS.between(today, due.deadline());
      int stage = days.stream().filter(d -> d >= left).findFirst().orElseThrow();
      Optional<UnitReportDeadlineNear> reminder = reminder(due, stage, (int) left);
      if (reminder.isPresent()) {
        events.publishEvent(reminder.get());
        reminded++;
      }
    }
    return reminded;
  }

  private Optional<UnitReportDeadlineNear> reminder(Due due, int stage, int left) {
    List<Task> open = due.processInstanceId() == null ? List.of() : system.call(() -> taskService.createTaskQuery()
        .processInstanceId(due.processInstanceId()).list());
    String unitName = organisation.unit(due.unitCode()).map(unit -> unit.displayName()).orElse(due.unitCode());
    if (!open.isEmpty()) {
      Task task = open.get(0);
      // the group routing chose, never a candidate link someone added by hand
      List<String> groups = routedGroups.of(task.getId());
      return Optional.of(new UnitReportDeadlineNear(due.businessKey(), due.periodCode(), due.periodName(), unitName,
          due.deadline(), stage, left, due.state().label(), task.getId(), task.getAssignee(), groups));
    }
    // preparation has not opened yet: the unit's reporting staff, who will get the task, can plan for it
    try {
      String group = organisation.responsibleAgency(UNIT_REPORTING, STAFF, due.unitCode()).groupId();
      return Optional.of(new UnitReportDeadlineNear(due.businessKey(), due.periodCode(), due.periodName(), unitName,
          due.deadline(), stage, left, due.state().label(), null, null, List.of(group)));
    } catch (AgencyNotFoundException e) {
      return Optional.empty();
    }
  }

  private List<Due> dueWithin(LocalDate from, LocalDate to) {
    return jdbc.sql("select r.business_key, r.process_instance_id, r.unit_code, r.deadline, r.state, p.code, p.name"
            + " from unit_report r join report_period p on p.code = r.period_code"
            + " where r.state in (?, ?, ?, ?) and r.deadline between ? and ? order by r.deadline, r.business_key")
        .params(ReportState.NOT_STARTED.name(), ReportState.PREPARING.name(), ReportState.AWAITING_SIGN_OFF.name(),
            ReportState.RETURNED.name(), Date.valueOf(from), Date.valueOf(to))
        .query((rs, row) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
            ReportState.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7)))
        .list();
  }
}
