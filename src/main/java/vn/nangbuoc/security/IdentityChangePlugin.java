package vn.nangbuoc.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts {@link IdentityChanges} into the engine: a guarded identity provider for memberships, an
 * interceptor for authorizations. Both look the bean up when used, since it needs the engine's
 * services, which exist only after this plugin ran.
 */
@Component
class IdentityChangePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<IdentityChanges> changes;

  IdentityChangePlugin(ObjectProvider<IdentityChanges> changes) {
    this.changes = changes;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new GuardedIdentityProvider.Factory(changes::getObject));
    List<CommandInterceptor> post = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      post.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    // inside the command context, so the change and its record share the transaction
    post.add(new AuthorizationChangeInterceptor(changes::getObject));
    configuration.setCustomPostCommandInterceptorsTxRequired(post);
  }
}
