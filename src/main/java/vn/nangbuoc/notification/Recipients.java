package vn.nangbuoc.notification;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.nangbuoc.system.EngineLimits;
import vn.nangbuoc.system.EngineSystem;

/** People by group or id, with their address (Camunda's identity service) and delivery choice. */
@Component
class Recipients {

  private final IdentityService identityService;
  private final JdbcClient jdbc;
  private final EngineSystem system;

  Recipients(IdentityService identityService, JdbcClient jdbc, EngineSystem system) {
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.system = system;
  }

  /** Members with an address; someone without one cannot be written to and is skipped. */
  List<Recipient> membersOf(String groupId) {
    return system.call(() -> identityService.createUserQuery().memberOfGroup(groupId)
            .listPage(0, EngineLimits.SMALL_LIST))
        .stream().filter(user -> user.getEmail() != null && !user.getEmail().isBlank())
        .map(this::recipient).toList();
  }

  /** What a group is called, as its members see it; its id when the identity service has no name for it. */
  String groupName(String groupId) {
    Group group = system.call(() -> identityService.createGroupQuery().groupId(groupId).singleResult());
    return group == null || group.getName() == null || group.getName().isBlank() ? groupId : group.getName();
  }

  Optional<Recipient> user(String userId) {
    User user = system.call(() -> identityService.createUserQuery().userId(userId).singleResult());
    return user == null || user.getEmail() == null || user.getEmail().isBlank() ? Optional.empty()
        : Optional.of(recipient(user));
  }

  /** The user's own address, whatever their delivery choice. */
  Optional<String> addressOf(String userId) {
    User user = system.call(() -> identityService.createUserQuery().userId(userId).singleResult());
    return user == null || user.getEmail() == null || user.getEmail().isBlank() ? Optional.empty()
        : Optional.of(user.getEmail());
  }

  DeliveryMode modeOf(String userId) {
    return jdbc.sql("select mode from notification_preference where user_id = ?").param(userId)
        .query(String.class).optional().map(DeliveryMode::valueOf).orElse(DeliveryMode.DIGEST);
  }

  void choose(String userId, DeliveryMode mode) {
    int updated = jdbc.sql("update notification_preference set mode = ? where user_id = ?")
        .params(mode.name(), userId).update();
    if (updated == 0) {
      jdbc.sql("insert into notification_preference (user_id, mode) values (?, ?)")
          .params(userId, mode.name()).update();
    }
  }

  private Recipient recipient(User user) {
    return new Recipient(user.getId(), user.getEmail(), user.getFirstName() + " " + user.getLastName(),
        modeOf(user.getId()));
  }
}
