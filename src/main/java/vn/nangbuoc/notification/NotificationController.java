package vn.nangbuoc.notification;

import java.util.Collections;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.security.Roles;
import vn.nangbuoc.system.EngineTime;

/** A user's choice of mail delivery; for administrators, the mail that did not go out. */
@RestController
class NotificationController {

  private final Recipients recipients;
  private final MailOutbox outbox;
  private final Roles roles;

  NotificationController(Recipients recipients, MailOutbox outbox, Roles roles) {
    this.recipients = recipients;
    this.outbox = outbox;
    this.roles = roles;
  }

  /** The user's choice as answered. */
  record Choice(DeliveryMode mode) {
  }

  /** The choice as sent: the value as JSON gave it, so the reader refuses anything else in Vietnamese. */
  record ChoiceRequest(Object mode) {

    FieldReader fields() {
      return FieldReader.of(Collections.singletonMap("mode", mode));
    }
  }

  /** A mail of the outbox, for the administrator; no body, which may name a child. */
  record OutboxMail(long id, String kind, String recipientUser, String recipientEmail, String subject,
      MailOutbox.Status status, int attempts, String lastError) {

    static OutboxMail of(MailOutbox.Row row) {
      // String.valueOf: the API has always answered an absent user or error as the text "null"
      return new OutboxMail(row.id(), row.kind(), String.valueOf(row.recipientUser()), row.recipientEmail(),
          row.subject(), row.status(), row.attempts(), String.valueOf(row.lastError()));
    }
  }

  /** A mail queued to go again. */
  record Resent(long id, MailOutbox.Status status) {
  }

  @GetMapping("/api/me/notifications")
  Choice myChoice(Authentication user) {
    return new Choice(recipients.modeOf(user.getName()));
  }

  @PutMapping("/api/me/notifications")
  Choice choose(@RequestBody ChoiceRequest body, Authentication user) {
    FieldReader fields = body.fields();
    DeliveryMode mode = fields.requiredChoice("mode", "cách nhận thư (IMMEDIATE, DIGEST hoặc NONE)",
        DeliveryMode.class);
    fields.throwIfInvalid();
    recipients.choose(user.getName(), mode);
    return new Choice(mode);
  }

  @GetMapping("/api/admin/outbox")
  List<OutboxMail> outbox(@RequestParam(defaultValue = "FAILED") String status, Authentication user) {
    requireAdministrator(user);
    MailOutbox.Status wanted;
    try {
      wanted = MailOutbox.Status.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw new vn.nangbuoc.input.InvalidInputException("Trạng thái thư không hợp lệ: " + status + ".");
    }
    return outbox.withStatus(wanted, 200).stream().map(OutboxMail::of).toList();
  }

  @PostMapping("/api/admin/outbox/{id}/resend")
  Resent resend(@PathVariable long id, Authentication user) {
    requireAdministrator(user);
    MailOutbox.Row mail = outbox.find(id)
        .orElseThrow(() -> new NotFoundException("Không có thư lỗi số " + id + " để gửi lại."));
    // the address as the user's profile has it now: the administrator may just have corrected it
    String email = mail.recipientUser() == null ? mail.recipientEmail()
        : recipients.user(mail.recipientUser()).map(Recipient::email).orElse(mail.recipientEmail());
    if (!outbox.resend(id, email, EngineTime.now())) {
      throw new NotFoundException("Không có thư lỗi số " + id + " để gửi lại.");
    }
    return new Resent(id, MailOutbox.Status.PENDING);
  }

  private void requireAdministrator(Authentication user) {
    if (!roles.isAdministrator(user.getName())) {
      throw new ForbiddenException("Chỉ quản trị viên xem và gửi lại thư lỗi.");
    }
  }
}
