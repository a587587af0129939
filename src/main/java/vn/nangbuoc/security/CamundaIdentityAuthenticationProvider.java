package vn.nangbuoc.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.ErrorAnswers;
import vn.nangbuoc.system.EngineLimits;

/** Users and passwords live in Camunda's identity service, shared with Tasklist, Cockpit and Admin. */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object password = authentication.getCredentials();
    if (user == null || !(password instanceof String text) || !passwordMatches(user, text)) {
      // the same words for an id that does not exist: how long to wait, or that the account is locked
      throw new BadCredentialsException(throttle.refusal(user));
    }
    List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(user)
        .listPage(0, EngineLimits.SMALL_LIST).stream()
        .map(group -> new SimpleGrantedAuthority("GROUP_" + group.getId())).toList();
    return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
  }

  private boolean passwordMatches(String user, String password) {
    try {
      return identityService.checkPassword(user, password);
    } catch (RuntimeException e) {
      if (ErrorAnswers.databaseAway(e)) {
        // not a wrong password: nobody could be checked, and the answer must say so (503, not 401)
        throw new AuthenticationServiceException(ErrorAnswers.DATABASE_AWAY, e);
      }
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
