package vn.nangbuoc.notification;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.nangbuoc.engine.EngineTime;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.security.Roles;

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

  @GetMapping("/api/me/notifications")
  Map<String, Object> myChoice(Authentication user) {
    return Map.of("mode", recipients.modeOf(user.getName()));
  }

  @PutMapping("/api/me/notifications")
  Map<String, Object> choose(@RequestBody Map<String, Object> body, Authentication user) {
    FieldReader fields = FieldReader.of(body);
    DeliveryMode mode = fields.requiredChoice("mode", "cách nhận thư (IMMEDIATE, DIGEST hoặc NONE)", DeliveryMode.class);
    fields.throwIfInvalid();
    recipients.choose(user.getName(), mode);
    return Map.of("mode", mode);
  }

  @GetMapping("/api/admin/outbox")
  List<Map<String, Object>> outbox(@RequestParam(defaultValue = "FAILED") String status, Authentication user) {
    requireAdministrator(user);
    MailOutbox.Status wanted;
    try {
      wanted = MailOutbox.Status.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw new vn.nangbuoc.input.InvalidInputException("Trạng thái thư không hợp lệ: " + status + ".");
    }
    return outbox.withStatus(wanted, 200).stream().map(row -> Map.<String, Object>of(
        "id", row.id(), "kind", row.kind(), "recipientUser", String.valueOf(row.recipientUser()),
        "recipientEmail", row.recipientEmail(), "subject", row.subject(), "status", row.status(),
        "attempts", row.attempts(), "lastError", String.valueOf(row.lastError()))).toList();
  }

  @PostMapping("/api/admin/outbox/{id}/resend")
  Map<String, Object> resend(@PathVariable long id, Authentication user) {
    requireAdministrator(user);
    MailOutbox.Row mail = outbox.find(id)
        .orElseThrow(() -> new NotFoundException("Không có thư lỗi số " + id + " để gửi lại."));
    // the address as the user's profile has it now: the administrator may just have corrected it
    String email = mail.recipientUser() == null ? mail.recipientEmail()
        : recipients.user(mail.recipientUser()).map(Recipient::email).orElse(mail.recipientEmail());
    if (!outbox.resend(id, email, EngineTime.now())) {
      throw new NotFoundException("Không có thư lỗi số " + id + " để gửi lại.");
    }
    return Map.of("id", id, "status", MailOutbox.Status.PENDING);
  }

  private void requireAdministrator(Authentication user) {
    if (!roles.isAdministrator(user.getName())) {
      throw new ForbiddenException("Chỉ quản trị viên xem và gửi lại thư lỗi.");
    }
  }
}
