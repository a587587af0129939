package vn.nangbuoc.notification;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.organisation.Capability;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.security.IdentityChanged;
import vn.nangbuoc.system.EngineTime;

/**
 * The head of an agency hears at once when someone changed who belongs to its groups or what they
 * may do: a right given in their agency's name is theirs to question. Written to the outbox in the
 * change's transaction; where no head is in the identity service, to the agency's mailbox.
 */
@Component
class IdentityChangeMails {

  static final String IDENTITY_CHANGED = "identity-changed";
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

  private final Notifications notifications;
  private final Recipients recipients;
  private final OrganisationDirectory organisation;

  IdentityChangeMails(Notifications notifications, Recipients recipients, OrganisationDirectory organisation) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.organisation = organisation;
  }

  @EventListener
  public void changed(IdentityChanged change) {
    Map<String, Object> model = new HashMap<>();
    model.put("agencyName", change.agencyName());
    model.put("actor", change.actor());
    model.put("action", describe(change.action()));
    model.put("groupId", change.groupId() == null ? "" : change.groupId());
    model.put("userId", change.userId() == null ? "" : change.userId());
    model.put("detail", change.detail() == null ? "" : change.detail());
    model.put("at", AT.format(change.at().atZone(EngineTime.VIETNAM)));
    model.put("auditors", organisation.kindsWith(Capability.AUDIT));
    String key = "identity:" + change.at().toEpochMilli() + ":" + change.action() + ":" + change.groupId() + ":"
        + change.userId() + ":" + change.agencyId() + ":";
    List<Recipient> heads = organisation.headGroupOf(change.agencyId()).map(recipients::membersOf).orElse(List.of());
    if (heads.isEmpty()) {
      organisation.emailOf(change.agencyId()).ifPresent(mailbox -> notifications.send(key + mailbox, IDENTITY_CHANGED,
          new Recipient(null, mailbox, change.agencyName(), DeliveryMode.IMMEDIATE), model));
    }
    heads.forEach(head -> notifications.send(key + head.userId(), IDENTITY_CHANGED, head, model));
  }

  private static String describe(String action) {
    return switch (action) {
      case "MEMBERSHIP_ADDED" -> "thêm người dùng vào nhóm";
      case "MEMBERSHIP_REMOVED" -> "bỏ người dùng khỏi nhóm";
      case "GROUP_DELETED" -> "xóa nhóm";
      case "USER_DELETED" -> "xóa người dùng";
      case "AUTHORIZATION_CREATED" -> "cấp quyền";
      case "AUTHORIZATION_CHANGED" -> "sửa quyền";
      case "AUTHORIZATION_DELETED" -> "thu hồi quyền";
      default -> action;
    };
  }
}
