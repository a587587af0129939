package vn.nangbuoc.security;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.nangbuoc.input.PageController;

/** The product's pages greet the person signed in by their name, as colleagues know them, not by their login. */
@ControllerAdvice(annotations = PageController.class)
class SignedInPerson {

  private final PersonNames names;

  SignedInPerson(PersonNames names) {
    this.names = names;
  }

  @ModelAttribute("signedInName")
  String signedInName(Authentication authentication) {
    return authentication == null || !authentication.isAuthenticated() ? null : names.of(authentication.getName());
  }
}
