package vn.nangbuoc.facts;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.nangbuoc.organisation.Agency;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.TaskCompleted;

/** Keeps, for every task completed through its form, the agency it was routed to, when it was due and done. */
@Component
class TaskFacts {

  private final JdbcTemplate jdbc;
  private final OrganisationDirectory organisation;
  private final List<FactsWatcher> watchers;

  TaskFacts(JdbcTemplate jdbc, OrganisationDirectory organisation, List<FactsWatcher> watchers) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.watchers = List.copyOf(watchers);
  }

  @EventListener
  void completed(TaskCompleted task) {
    String agency = task.groupIds().stream().map(organisation::agencyOfGroup).flatMap(Optional::stream)
        .map(Agency::id).findFirst().orElse(null);
    CaseFacts.watched(watchers, List.of(task.caseId()), () -> jdbc.update("insert into case_task_fact"
            + " (case_id, step, task_id, agency_id, due_at, completed_at, completed_on)"
            + " values (?, ?, ?, ?, ?, ?, ?)",
        task.caseId(), task.step(), task.taskId(), agency,
        task.dueDate() == null ? null : new Timestamp(task.dueDate().getTime()), Timestamp.from(task.completedAt()),
        CaseFactDerivation.day(task.completedAt())));
  }
}
