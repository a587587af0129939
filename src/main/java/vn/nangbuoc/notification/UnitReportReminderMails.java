package vn.nangbuoc.notification;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.unitreport.UnitReportDeadlineNear;

/**
 * The mail of a report's deadline drawing near, to the people it waits for (who holds its task, else the groups
 * it went to), in the transaction that found it. Once per report, reminder day and person: the outbox's key.
 */
@Component
class UnitReportReminderMails {

  static final String KIND = "unit-report-deadline";

  private final Notifications notifications;
  private final Recipients recipients;
  private final MailSettings settings;

  UnitReportReminderMails(Notifications notifications, Recipients recipients, MailSettings settings) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.settings = settings;
  }

  @EventListener
  public void deadlineNear(UnitReportDeadlineNear due) {
    Map<String, Recipient> people = new LinkedHashMap<>();
    if (due.assignee() != null) {
      recipients.user(due.assignee()).ifPresent(to -> people.put(to.userId(), to));
    } else {
      due.groupIds().forEach(group -> recipients.membersOf(group).forEach(to -> people.putIfAbsent(to.userId(), to)));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("periodName", due.periodName());
    model.put("periodCode", due.periodCode());
    model.put("unitName", due.unitName());
    model.put("reportKey", due.reportKey());
    model.put("deadline", VietnameseFormat.date(due.deadline()));
    model.put("daysLeft", due.daysLeft());
    model.put("stateLabel", due.stateLabel());
    model.put("link", due.taskId() != null ? notifications.taskLink(due.taskId())
        : settings.baseUrl() + due.reportPath());
    for (Recipient to : List.copyOf(people.values())) {
      if (to.mode() != DeliveryMode.NONE) {
        notifications.send("report-deadline:" + due.reportKey() + ":" + due.daysBefore() + ":" + to.userId(), KIND,
            to, model);
      }
    }
  }
}
