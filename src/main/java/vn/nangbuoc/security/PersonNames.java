package vn.nangbuoc.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.nangbuoc.system.EngineSystem;

/**
 * A person as colleagues know them: their name, not their login. A login that is no longer a user (someone
 * who left) stays as it was recorded; nobody is "hệ thống".
 */
@Component
public class PersonNames {

  private final IdentityService identityService;
  private final EngineSystem system;

  PersonNames(IdentityService identityService, EngineSystem system) {
    this.identityService = identityService;
    this.system = system;
  }

  public String of(String userId) {
    if (userId == null) {
      return "hệ thống";
    }
    User user = system.call(() -> identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }
}
