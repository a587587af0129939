package vn.nangbuoc.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.unitreport.UnitReport;
import vn.nangbuoc.routing.WorkingCalendar;
import vn.nangbuoc.security.RoutedGroups;
import vn.nangbuoc.system.EngineSystem;
import vn.nangbuoc.system.EngineTime;

/** The daily digest and the reminders before due dates; scheduled by {@link MailScheduling}. */
@Component
class MailJobs {

  static final int REMINDER_BATCH = 1000;

  private final DigestItems digest;
  private final MailOutbox outbox;
  private final Recipients recipients;
  private final Notifications notifications;
  private final TaskService taskService;
  private final TaskReferences references;
  private final EngineSystem system;
  private final MailSettings settings;
  private final WorkingCalendar calendar;
  private final RoutedGroups routedGroups;

  MailJobs(DigestItems digest, MailOutbox outbox, Recipients recipients, Notifications notifications,
      TaskService taskService, TaskReferences references, EngineSystem system, MailSettings settings,
      WorkingCalendar calendar, RoutedGroups routedGroups) {
    this.routedGroups = routedGroups;
    this.digest = digest;
    this.outbox = outbox;
    this.recipients = recipients;
    this.notifications = notifications;
    this.taskService = taskService;
    this.references = references;
    this.system = system;
    this.settings = settings;
    this.calendar = calendar;
  }

  /**
   * One mail per user with the new work of the last day that is still open. One digest per user
   * and day, whichever node composes it; what it could not include waits for the next.
   */
  @Transactional
  int composeDigests() {
    int mails = 0;
    LocalDate today = EngineTime.today();
    for (String userId : digest.usersWaiting()) {
      List<DigestItems.Item> items = digest.waitingFor(userId);
      List<DigestItems.Item> open = items.stream().filter(item -> isOpen(item.taskId())).toList();
      Recipient to = recipients.user(userId).orElse(null);
      boolean sent = to != null && !open.isEmpty() && notifications.send("digest:" + userId + ":" + today,
          Notifications.DIGEST, to, Map.of("items", open.stream().map(this::line).toList(), "date", today));
      if (sent) {
        mails++;
      }
      if (sent || to == null || open.isEmpty()) {
        digest.markDigested(items.stream().map(DigestItems.Item::id).toList(), EngineTime.now());
      }
    }
    return mails;
  }

  /**
   * Everyone a pathway's (or a unit report's) task waits for is reminded once, when its due date is within the
   * configured number of working days (weekends and holidays do not count down the time left).
   */
  @Transactional
  int remindDueSoon() {
    return remindDueSoon(REMINDER_BATCH);
  }

  /** As {@link #remindDueSoon()}, reading the tasks {@code page} at a time. */
  @Transactional
  int remindDueSoon(int page) {
    int reminders = 0;
    Date now = Date.from(EngineTime.now());
    Date remindUpTo = calendar.deadline(EngineTime.now().atZone(EngineTime.VIETNAM), settings.reminderWorkingDays());
    // page by page to the last: a busy province has more tasks due within a day than one page, and the first
    // page alone, asked for again at every run, would remind the same tasks and never the others
    for (int first = 0; ; first += page) {
      int from = first;
      List<Task> dueSoon = system.call(() -> taskService.createTaskQuery()
          .processDefinitionKeyIn(ChildPathway.PROCESS_KEY, UnitReport.PROCESS_KEY)
          .dueAfter(now).dueBefore(new Date(remindUpTo.getTime() + 1)).orderByDueDate().asc().orderByTaskId().asc()
          .listPage(from, page));
      for (Task task : dueSoon) {
        ChildReference about = references.of(task.getProcessInstanceId());
        for (Recipient to : waitingFor(task)) {
          notifications.remind(task.getId(), task.getName(), task.getDueDate(), about, to);
          reminders++;
        }
      }
      if (dueSoon.size() < page) {
        return reminders;
      }
    }
  }

  /** Sent mails and digested lines older than the time they are kept (nangbuoc.mail.keep-sent); how many went. */
  @Transactional
  int forgetOldMail() {
    Instant before = EngineTime.now().minus(settings.keepSent());
    return outbox.deleteSentBefore(before) + digest.deleteDigestedBefore(before);
  }

  private List<Recipient> waitingFor(Task task) {
    if (task.getAssignee() != null) {
      return recipients.user(task.getAssignee()).map(List::of).orElse(List.of());
    }
    List<Recipient> people = new ArrayList<>();
    // the group routing chose: a candidate group added to the task by hand hears nothing of it
    for (String group : routedGroups.of(task.getId())) {
      people.addAll(recipients.membersOf(group));
    }
    return people;
  }

  private boolean isOpen(String taskId) {
    return system.call(() -> taskService.createTaskQuery().taskId(taskId).count()) > 0;
  }

  private Map<String, Object> line(DigestItems.Item item) {
    return notifications.taskModel(item.taskId(), item.taskName(),
        item.dueAt() == null ? null : Date.from(item.dueAt()), new ChildReference(item.caseNumber(), item.initials()));
  }
}
