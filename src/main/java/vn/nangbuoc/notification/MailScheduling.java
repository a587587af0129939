package vn.nangbuoc.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import vn.nangbuoc.input.VietnameseFormat;

/**
 * When mail goes out. Off in tests (nangbuoc.mail.scheduling.enabled=false), which call the jobs
 * themselves at the moments they check.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "nangbuoc.mail.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class MailScheduling {

  private final OutboxSender sender;
  private final MailJobs jobs;

  MailScheduling(OutboxSender sender, MailJobs jobs) {
    this.sender = sender;
    this.jobs = jobs;
  }

  @Scheduled(fixedDelayString = "${nangbuoc.mail.send-every:PT5S}", initialDelayString = "PT10S")
  void sendOutbox() {
    sender.sendDue();
  }

  @Scheduled(cron = "${nangbuoc.mail.digest-cron:0 0 7 * * *}", zone = VietnameseFormat.ZONE_ID)
  void dailyDigest() {
    jobs.composeDigests();
  }

  @Scheduled(fixedDelayString = "${nangbuoc.mail.remind-every:PT15M}", initialDelayString = "PT1M")
  void reminders() {
    jobs.remindDueSoon();
  }

  /** Every node may run it: a mail already deleted by another is simply not there. */
  @Scheduled(cron = "${nangbuoc.mail.forget-cron:0 30 2 * * *}", zone = VietnameseFormat.ZONE_ID)
  void forgetOldMail() {
    jobs.forgetOldMail();
  }
}
