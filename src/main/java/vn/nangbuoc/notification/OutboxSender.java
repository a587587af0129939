package vn.nangbuoc.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.nangbuoc.engine.EngineTime;

/**
 * Sends what the outbox holds. Several nodes may run this at once on one database: a node sends a
 * mail only after its conditional update claimed the row, so each mail leaves once. A mail whose
 * sending fails waits (doubling each time) and is tried again; after the last try, or at once for
 * an address the server refuses, it stays for an administrator to see and re-send.
 */
@Component
class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
  static final int BATCH = 50;
  /** A claimed mail not reported sent within this time (a node died mid-send) may be taken by another. */
  static final Duration CLAIM = Duration.ofMinutes(5);

  private final MailOutbox outbox;
  private final JavaMailSender mailSender;
  private final MailSettings settings;
  private final String node;

  OutboxSender(MailOutbox outbox, JavaMailSender mailSender, MailSettings settings) {
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.settings = settings;
    this.node = ManagementFactory.getRuntimeMXBean().getName();
  }

  /** @return how many mails this call sent */
  int sendDue() {
    int sent = 0;
    Instant now = EngineTime.now();
    for (long id : outbox.due(now, BATCH)) {
      if (outbox.claim(id, node, now, now.plus(CLAIM)) && send(outbox.get(id))) {
        sent++;
      }
    }
    return sent;
  }

  private boolean send(MailOutbox.Row mail) {
    try {
      mailSender.send(message(mail));
      outbox.sent(mail.id(), EngineTime.now());
      log.info("Mail {} ({}) sent to user {}", mail.id(), mail.kind(), mail.recipientUser());
      return true;
    } catch (MailSendException e) {
      if (refusedAddress(e)) {
        badAddress(mail);
        return false;
      }
      retryOrGiveUp(mail, e);
      return false;
    } catch (AddressException e) {
      badAddress(mail);
      return false;
    } catch (MailException | MessagingException e) {
      retryOrGiveUp(mail, e);
      return false;
    }
  }

  /** Not retried: the address will not become valid by waiting; an administrator corrects the user. */
  private void badAddress(MailOutbox.Row mail) {
    outbox.giveUp(mail.id(), MailOutbox.Status.BAD_ADDRESS, "Địa chỉ người nhận không hợp lệ hoặc bị máy chủ thư từ chối.");
    log.warn("Mail {} ({}): address of user {} refused", mail.id(), mail.kind(), mail.recipientUser());
  }

  private void retryOrGiveUp(MailOutbox.Row mail, Exception e) {
    int attempts = mail.attempts() + 1;
    String error = "Không gửi được (" + e.getClass().getSimpleName() + "), lần thử " + attempts + ".";
    if (attempts >= settings.maxAttempts()) {
      outbox.giveUp(mail.id(), MailOutbox.Status.FAILED, error);
      log.error("Mail {} ({}) failed {} times; administrators can re-send it", mail.id(), mail.kind(), attempts);
    } else {
      outbox.retryLater(mail.id(), EngineTime.now().plus(settings.retryAfter(mail.attempts())), error);
      log.warn("Mail {} ({}) not sent, will retry: {}", mail.id(), mail.kind(), e.getClass().getSimpleName());
    }
  }

  private static boolean refusedAddress(MailSendException e) {
    for (Exception failure : e.getFailedMessages().values()) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        if (t instanceof AddressException
            || (t instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                && sendFailed.getInvalidAddresses().length > 0)) {
          return true;
        }
      }
    }
    return false;
  }

  private MimeMessage message(MailOutbox.Row mail) throws MessagingException {
    MimeMessage message = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom(settings.from());
    InternetAddress to = new InternetAddress(mail.recipientEmail(), true);
    to.validate();
    helper.setTo(to);
    helper.setSubject(mail.subject());
    helper.setText(mail.bodyText(), mail.bodyHtml());
    message.setHeader("X-NangBuoc-Mail", mail.dedupKey());
    return message;
  }
}
