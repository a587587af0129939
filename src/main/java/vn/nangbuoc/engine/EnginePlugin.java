package vn.nangbuoc.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/** Engine settings that cannot be expressed as camunda.bpm.* properties. */
@Component
class EnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryLevel(new ProtectedHistoryLevel());

    List<CommandInterceptor> pre = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      pre.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    pre.add(0, new InvalidInputUnwrappingInterceptor());
    configuration.setCustomPreCommandInterceptorsTxRequired(pre);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    AuthorizedGroupIds.install(configuration);
    if ("postgres".equals(configuration.getDatabaseType())) {
      // H2 (demo, tests) has no lateral joins, and holds demo-sized task lists
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new TaskAuthorizationJoin());
    }
  }
}
