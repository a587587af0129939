package vn.nangbuoc.unitreport;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import vn.nangbuoc.input.VietnameseFormat;

/**
 * When the reports' reminders go out: every morning (nangbuoc.unit-report.remind-cron), with the mail's other jobs
 * and off with them in tests, which call the job at the moments they check. Every node may run it: a reminder
 * written by another is not written again.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "nangbuoc.mail.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class UnitReportReminderScheduling {

  private final UnitReportReminders reminders;

  UnitReportReminderScheduling(UnitReportReminders reminders) {
    this.reminders = reminders;
  }

  @Scheduled(cron = "${nangbuoc.unit-report.remind-cron:0 30 7 * * *}", zone = VietnameseFormat.ZONE_ID)
  void remindBeforeDeadlines() {
    reminders.remind();
  }
}
