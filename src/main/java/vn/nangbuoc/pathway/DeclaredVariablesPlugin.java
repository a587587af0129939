package vn.nangbuoc.pathway;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.nangbuoc.security.RoutedGroups;

/**
 * Installs {@link DeclaredVariablesInterceptor} before the transaction starts: a refused command
 * opens none; and {@link OwnClaims} and {@link RoutedWorkOnly} inside the command context. The engine's plugin
 * puts its error unwrapping first, wherever this one is added.
 */
@Component
class DeclaredVariablesPlugin extends AbstractProcessEnginePlugin {

  /** Looked up when a command runs: the routed groups' service needs the engine this plugin configures. */
  private final ObjectProvider<RoutedGroups> routedGroups;

  DeclaredVariablesPlugin(ObjectProvider<RoutedGroups> routedGroups) {
    this.routedGroups = routedGroups;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> pre = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      pre.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    pre.add(new DeclaredVariablesInterceptor(configuration::getIdentityService));
    configuration.setCustomPreCommandInterceptorsTxRequired(pre);
    // after the command context exists: it reads the task and the authentication of the command
    List<CommandInterceptor> post = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      post.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    post.add(new OwnClaims());
    post.add(new RoutedWorkOnly(routedGroups::getObject));
    configuration.setCustomPostCommandInterceptorsTxRequired(post);
  }
}
