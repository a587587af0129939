package vn.nangbuoc.notification;

import java.time.Duration;
import java.util.Properties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mail settings an operator may change (nangbuoc.mail.*).
 *
 * @param from sender address of every mail
 * @param baseUrl where users open the application; links in mail start here
 * @param templates where the Thymeleaf mail templates are (classpath:/mail-templates/ or a folder in config/)
 * @param maxAttempts after this many failed tries a mail is marked FAILED and shown to administrators
 * @param firstRetryAfter wait before the first retry; it doubles with each try, up to maxRetryAfter
 * @param reminderWorkingDays how many working days before a task's due date its people are reminded
 * @param keepSent how long a sent mail, and a digested line of a digest, stay in the database: they hold
 *     the child's case number and initials, and a province's outbox grows by ten mails per pathway
 * @param batch how many mails one run of the sender takes, over one SMTP connection
 * @param claimFor how long a node holds a mail it is sending; a mail held longer (its node died or lost
 *     the database) is taken over by another node. Keep it above the longest one mail can take: the
 *     SMTP connection timeout plus twice the read timeout (spring.mail.properties.mail.smtp.*) plus the
 *     waits of writing "sent" ({@link #longestTry})
 * @param databaseRetries how often "sent" is written before the sender gives up on a database that is away
 * @param databaseRetryWait the first wait between those writes; it doubles each time
 */
@ConfigurationProperties("nangbuoc.mail")
record MailSettings(String from, String baseUrl, String templates, int maxAttempts, Duration firstRetryAfter,
    Duration maxRetryAfter, int reminderWorkingDays, Duration keepSent, int batch, Duration claimFor,
    int databaseRetries, Duration databaseRetryWait) {

  MailSettings {
    from = from == null ? "nang-buoc@localhost" : from;
    baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl;
    templates = templates == null ? "classpath:/mail-templates/" : templates;
    maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
    firstRetryAfter = firstRetryAfter == null ? Duration.ofMinutes(1) : firstRetryAfter;
    maxRetryAfter = maxRetryAfter == null ? Duration.ofHours(1) : maxRetryAfter;
    reminderWorkingDays = reminderWorkingDays <= 0 ? 1 : reminderWorkingDays;
    keepSent = keepSent == null ? Duration.ofDays(90) : keepSent;
    batch = batch <= 0 ? 200 : batch;
    claimFor = claimFor == null ? Duration.ofMinutes(1) : claimFor;
    databaseRetries = databaseRetries <= 0 ? 4 : databaseRetries;
    databaseRetryWait = databaseRetryWait == null ? Duration.ofSeconds(1) : databaseRetryWait;
  }

  /**
   * The longest one try of one mail can hold its claim: connecting, two answers at the read (or write)
   * timeout (the greeting or a command, and the end of the mail), and the waits between the writes of "sent". A
   * timeout the properties leave out is unbounded.
   */
  Duration longestTry(Properties smtp) {
    Duration connect = timeout(smtp, "mail.smtp.connectiontimeout");
    Duration read = timeout(smtp, "mail.smtp.timeout");
    Duration write = timeout(smtp, "mail.smtp.writetimeout");
    Duration slowest = read.compareTo(write) >= 0 ? read : write;
    Duration writing = databaseRetryWait.multipliedBy((1L << Math.min(databaseRetries - 1, 20)) - 1);
    return connect.plus(slowest.multipliedBy(2)).plus(writing);
  }

  private static Duration timeout(Properties smtp, String name) {
    String value = smtp.getProperty(name);
    return value == null || value.isBlank() || Long.parseLong(value.trim()) <= 0 ? Duration.ofDays(365)
        : Duration.ofMillis(Long.parseLong(value.trim()));
  }

  Duration retryAfter(int attemptsSoFar) {
    Duration wait = firstRetryAfter.multipliedBy(1L << Math.min(attemptsSoFar, 20));
    return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
  }
}
