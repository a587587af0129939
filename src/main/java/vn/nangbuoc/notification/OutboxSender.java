package vn.nangbuoc.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import vn.nangbuoc.notification.MailOutbox.Outcome;
import vn.nangbuoc.system.EngineTime;
import vn.nangbuoc.system.NodeName;

/**
 * Sends what the outbox holds, a batch over one SMTP connection. Several nodes may run this at once
 * on one database: a node sends a mail only after its conditional update claimed the row. SMTP
 * delivers at least once, so every try of a row carries the same Message-ID, and a try that may have
 * reached the server (it had the whole mail when its answer timed out; a node never reported its try)
 * is sent again knowingly and recorded as such in the row's history. A mail whose sending fails waits
 * (doubling each time) and is tried again; after the last try, or at once for an address the server
 * refuses, it stays for an administrator to see and re-send.
 */
@Component
class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final MailOutbox outbox;
  private final JavaMailSender mailSender;
  private final MailSettings settings;
  private final String node;

  OutboxSender(MailOutbox outbox, JavaMailSender mailSender, MailSettings settings) {
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.settings = settings;
    this.node = NodeName.get();
    warnIfClaimTooShort(mailSender, settings);
  }

  /**
   * A claim that runs out while its node still sends the mail lets another node send it too: the
   * claim must outlast the longest try (connection timeout, twice the read timeout, the patience of
   * writing "sent"). Warned at start, where an operator who shortened one of them reads it.
   */
  static void warnIfClaimTooShort(JavaMailSender mailSender, MailSettings settings) {
    if (mailSender instanceof JavaMailSenderImpl impl) {
      Duration longest = settings.longestTry(impl.getJavaMailProperties());
      if (longest.compareTo(settings.claimFor()) >= 0) {
        log.warn("nangbuoc.mail.claim-for ({}) is not above the longest try of one mail ({}: SMTP connection"
            + " timeout, twice the read timeout, writing 'sent'): another node may send a mail that is still being"
            + " sent", settings.claimFor(), longest);
      }
    }
  }

  /** @return how many mails this call sent */
  int sendDue() {
    int sent = 0;
    Instant now = EngineTime.now();
    boolean reachable = true;
    try (SmtpConnection smtp = new SmtpConnection(mailSender)) {
      for (MailOutbox.Due due : outbox.due(now, settings.batch())) {
        if (!outbox.claim(due.id(), node, now, EngineTime.now().plus(settings.claimFor()))) {
          continue;
        }
        if (due.claimedBy() != null) {
          outbox.takenOver(due.id(), due.claimedBy(), node, EngineTime.now());
          log.warn("Mail {}: the try of {} was never reported; sending it again with the same Message-ID", due.id(),
              due.claimedBy());
        }
        MailOutbox.Row mail = outbox.get(due.id());
        if (!reachable) {
          // the server did not answer this batch: the rest waits for the next try without a connection each
          retryOrGiveUp(mail, Outcome.FAILED, "máy chủ thư không kết nối được");
          continue;
        }
        switch (send(smtp, mail)) {
          case SENT -> sent++;
          case UNREACHABLE -> reachable = false;
          default -> { }
        }
      }
    }
    return sent;
  }

  private enum Result { SENT, NOT_SENT, UNREACHABLE }

  private Result send(SmtpConnection smtp, MailOutbox.Row mail) {
    OutgoingMail message;
    try {
      message = message(mail);
    } catch (AddressException e) {
      badAddress(mail);
      return Result.NOT_SENT;
    } catch (MessagingException e) {
      retryOrGiveUp(mail, Outcome.FAILED, e.getClass().getSimpleName());
      return Result.NOT_SENT;
    }
    try {
      smtp.send(message);
    } catch (SmtpConnection.Unreachable e) {
      retryOrGiveUp(mail, Outcome.FAILED, "máy chủ thư không kết nối được");
      return Result.UNREACHABLE;
    } catch (MessagingException | RuntimeException e) {
      if (refusedAddress(e)) {
        badAddress(mail);
      } else if (message.handedOver()) {
        maybeSent(mail, e);
      } else {
        retryOrGiveUp(mail, Outcome.FAILED, e.getClass().getSimpleName());
      }
      return Result.NOT_SENT;
    }
    markSent(mail);
    return Result.SENT;
  }

  /**
   * The server has the mail: the row must say so, or another try would send it again. The database
   * may be away for a moment (a restart), so "sent" is written patiently; if it never gets through,
   * the row's claim runs out and the next try is recorded as a take-over, with the same Message-ID.
   */
  private void markSent(MailOutbox.Row mail) {
    Duration wait = settings.databaseRetryWait();
    for (int attempt = 1; ; attempt++) {
      try {
        outbox.sent(mail.id(), EngineTime.now(), node);
        log.info("Mail {} ({}) sent to user {}", mail.id(), mail.kind(), mail.recipientUser());
        return;
      } catch (DataAccessException | TransactionException e) {
        // a database that went away in the middle of the update fails its rollback too: a TransactionException
        if (attempt >= settings.databaseRetries()) {
          log.error("Mail {} was sent but could not be recorded as sent ({}); it will be sent again with the same"
              + " Message-ID once its claim runs out", mail.id(), e.getClass().getSimpleName());
          return;
        }
        sleep(wait);
        wait = wait.multipliedBy(2);
      }
    }
  }

  /** Not retried: the address will not become valid by waiting; an administrator corrects the user. */
  private void badAddress(MailOutbox.Row mail) {
    outbox.giveUp(mail.id(), MailOutbox.Status.BAD_ADDRESS, Outcome.BAD_ADDRESS, node, EngineTime.now(),
        "Địa chỉ người nhận không hợp lệ hoặc bị máy chủ thư từ chối.");
    log.warn("Mail {} ({}): address of user {} refused", mail.id(), mail.kind(), mail.recipientUser());
  }

  /** The whole mail was written to the server and then its answer failed: it may well have arrived. */
  private void maybeSent(MailOutbox.Row mail, Exception e) {
    int attempts = mail.attempts() + 1;
    String note = "Có thể đã gửi: máy chủ thư đã nhận toàn bộ thư nhưng không trả lời kịp ("
        + e.getClass().getSimpleName() + "), lần thử " + attempts + "; gửi lại với cùng Message-ID.";
    if (attempts >= settings.maxAttempts()) {
      outbox.giveUp(mail.id(), MailOutbox.Status.FAILED, Outcome.MAYBE_SENT, node, EngineTime.now(), note);
    } else {
      outbox.retryLater(mail.id(), EngineTime.now().plus(settings.retryAfter(mail.attempts())), Outcome.MAYBE_SENT,
          node, EngineTime.now(), note);
    }
    log.warn("Mail {} ({}) may have been delivered ({}); it will be sent again with the same Message-ID", mail.id(),
        mail.kind(), e.getClass().getSimpleName());
  }

  private void retryOrGiveUp(MailOutbox.Row mail, Outcome outcome, String reason) {
    int attempts = mail.attempts() + 1;
    String error = "Không gửi được (" + reason + "), lần thử " + attempts + ".";
    if (attempts >= settings.maxAttempts()) {
      outbox.giveUp(mail.id(), MailOutbox.Status.FAILED, outcome, node, EngineTime.now(), error);
      log.error("Mail {} ({}) failed {} times; administrators can re-send it", mail.id(), mail.kind(), attempts);
    } else {
      outbox.retryLater(mail.id(), EngineTime.now().plus(settings.retryAfter(mail.attempts())), outcome, node,
          EngineTime.now(), error);
      log.warn("Mail {} ({}) not sent, will retry: {}", mail.id(), mail.kind(), reason);
    }
  }

  private static boolean refusedAddress(Exception e) {
    // a MessagingException's cause is its "next" exception
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AddressException
          || (t instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
              && sendFailed.getInvalidAddresses().length > 0)) {
        return true;
      }
    }
    return false;
  }

  private OutgoingMail message(MailOutbox.Row mail) throws MessagingException {
    MimeMessage composed = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(composed, true, "UTF-8");
    helper.setFrom(settings.from());
    InternetAddress to = new InternetAddress(mail.recipientEmail(), true);
    to.validate();
    helper.setTo(to);
    helper.setSubject(mail.subject());
    helper.setText(mail.bodyText(), mail.bodyHtml());
    composed.setHeader("X-NangBuoc-Mail", mail.dedupKey());
    composed.setSentDate(Date.from(mail.createdAt()));
    return new OutgoingMail(composed, mail.dedupKey(), settings.from());
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
