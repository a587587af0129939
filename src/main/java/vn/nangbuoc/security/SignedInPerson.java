package vn.nangbuoc.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.system.EngineSystem;

/** The product's pages greet the person signed in by their name, as colleagues know them, not by their login. */
@ControllerAdvice(annotations = PageController.class)
class SignedInPerson {

  private final IdentityService identityService;
  private final EngineSystem system;

  SignedInPerson(IdentityService identityService, EngineSystem system) {
    this.identityService = identityService;
    this.system = system;
  }

  @ModelAttribute("signedInName")
  String signedInName(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return null;
    }
    String login = authentication.getName();
    User user = system.call(() -> identityService.createUserQuery().userId(login).singleResult());
    if (user == null) {
      return login;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? login : name;
  }
}
