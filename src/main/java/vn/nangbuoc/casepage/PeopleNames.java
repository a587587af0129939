package vn.nangbuoc.casepage;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.nangbuoc.system.EngineSystem;

/**
 * Who did something, as a colleague would say it: the person's name, not their login. A login that is no
 * longer a user (someone who left) stays as it was recorded.
 */
@Component
class PeopleNames {

  private final IdentityService identityService;
  private final EngineSystem system;

  PeopleNames(IdentityService identityService, EngineSystem system) {
    this.identityService = identityService;
    this.system = system;
  }

  /** A lookup for one page: each person is asked for once. */
  Map<String, String> forOnePage() {
    return new HashMap<>();
  }

  String of(String userId, Map<String, String> known) {
    if (userId == null) {
      return "hệ thống";
    }
    return known.computeIfAbsent(userId, id -> {
      User user = system.call(() -> identityService.createUserQuery().userId(id).singleResult());
      if (user == null) {
        return id;
      }
      String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
          + (user.getLastName() == null ? "" : user.getLastName())).strip();
      return name.isEmpty() ? id : name;
    });
  }
}
