package vn.nangbuoc.notification;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.security.AccountLocked;
import vn.nangbuoc.system.EngineTime;

/**
 * Tells the person and the administrators that a login was locked after wrong passwords: the
 * person learns that someone tried their account, the administrators may look into it. Sent
 * whatever the delivery choice (it is not work to do), and only for accounts that exist.
 */
@Component
class AccountLockedMail {

  static final String KIND = "account-locked";
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

  private final Recipients recipients;
  private final MailOutbox outbox;
  private final MailComposer composer;

  AccountLockedMail(Recipients recipients, MailOutbox outbox, MailComposer composer) {
    this.recipients = recipients;
    this.outbox = outbox;
    this.composer = composer;
  }

  @EventListener
  public void locked(AccountLocked lock) {
    recipients.user(lock.userId()).ifPresent(person -> {
      Map<String, Object> model = new HashMap<>();
      model.put("userId", lock.userId());
      model.put("personName", person.fullName());
      model.put("failures", lock.failures());
      model.put("minutes",
          Math.max(1, (Duration.between(EngineTime.now(), lock.lockedUntil()).getSeconds() + 59) / 60));
      model.put("until", LocalDateTime.ofInstant(lock.lockedUntil(), EngineTime.VIETNAM).format(WHEN));
      List<Recipient> to = new ArrayList<>(List.of(person));
      to.addAll(recipients.membersOf(Groups.CAMUNDA_ADMIN));
      String key = "login-locked:" + lock.userId() + ":" + lock.lockedUntil().toEpochMilli() + ":";
      for (Recipient recipient : to) {
        model.put("toThePerson", recipient.userId() != null && recipient.userId().equals(lock.userId()));
        outbox.enqueue(key + recipient.userId(), composer.compose(KIND, recipient, model), EngineTime.now());
      }
    });
  }
}
