package vn.nangbuoc.security;

import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * The engine's identity service, with every password check going through the {@link LoginThrottle}.
 * Installed by {@link IdentityPlugin} as the engine's own service, so that every caller (Spring
 * Security's provider, Camunda's REST authentication filter, Admin's check of one's own password) is throttled.
 */
class ThrottledIdentityService extends IdentityServiceImpl {

  private final LoginThrottle throttle;

  ThrottledIdentityService(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    return throttle.attempt(userId, () -> super.checkPassword(userId, password));
  }

  @Override
  public void unlockUser(String userId) {
    // the engine checks the administrator's right first: it throws before anything is forgotten
    super.unlockUser(userId);
    throttle.forget(userId);
  }
}
