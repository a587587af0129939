package vn.nangbuoc.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.nangbuoc.organisation.OrganisationDirectory;

/**
 * Who may log in and whom they see. Puts the {@link LoginThrottle} into the engine's identity
 * service, and turns off the engine's own lock: that one counts only ids that exist (so its answer
 * tells a stranger which ids do) and locks for good after ten wrong passwords, until an
 * administrator unlocks (anyone could lock out a colleague). The identity provider itself stays the
 * engine's.
 * Also installs {@link AgencyColleagues} as the engine's default authorizations.
 */
@Component
class IdentityPlugin extends AbstractProcessEnginePlugin {

  private final LoginThrottle throttle;
  private final ObjectProvider<OrganisationDirectory> organisation;

  IdentityPlugin(LoginThrottle throttle, ObjectProvider<OrganisationDirectory> organisation) {
    this.throttle = throttle;
    this.organisation = organisation;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityService(new ThrottledIdentityService(throttle));
    // never locked for good; a delay of 0 s is no wait (the throttle does the waiting)
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(0);
    configuration.setLoginDelayMaxTime(0);
    // colleagues of an agency see each other; nobody else lists them (see AccessPolicy)
    configuration.setResourceAuthorizationProvider(new AgencyColleagues(organisation));
  }
}
