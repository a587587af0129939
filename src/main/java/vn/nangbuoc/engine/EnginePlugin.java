package vn.nangbuoc.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import vn.nangbuoc.deployment.DeploymentPolicy;
import vn.nangbuoc.deployment.ExpressionBeans;
import vn.nangbuoc.deployment.SandboxedExpressionManager;
import vn.nangbuoc.system.NodeName;

/** Engine settings that cannot be expressed as camunda.bpm.* properties. */
@Component
class EnginePlugin extends AbstractProcessEnginePlugin {

  /** JAXP's lookup key for the DatatypeFactory implementation, and the JDK's own implementation. */
  static final String DATATYPE_FACTORY = "javax.xml.datatype.DatatypeFactory";
  static final String JDK_DATATYPE_FACTORY = "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl";

  private final ApplicationContext context;
  private final DeploymentPolicy deploymentPolicy;
  private final ExpressionBeans expressionBeans;

  EnginePlugin(ApplicationContext context, DeploymentPolicy deploymentPolicy, ExpressionBeans expressionBeans) {
    this.context = context;
    this.deploymentPolicy = deploymentPolicy;
    this.expressionBeans = expressionBeans;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The engine calls DatatypeFactory.newInstance() for every timer it creates (DurationHelper), and
    // without this property JAXP searches every jar of the class path for a provider each time: 3% of
    // the CPU of the pathway benchmark. The JDK's implementation is the one the search ends with.
    if (System.getProperty(DATATYPE_FACTORY) == null) {
      System.setProperty(DATATYPE_FACTORY, JDK_DATATYPE_FACTORY);
    }
    configuration.setHistoryLevel(new ProtectedHistoryLevel());

    List<CommandInterceptor> pre = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      pre.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    pre.add(0, new InvalidInputUnwrappingInterceptor());
    configuration.setCustomPreCommandInterceptorsTxRequired(pre);

    // No model runs code an administrator chose: checked when deployed, and sandboxed when evaluated
    List<Deployer> preDeployers = new ArrayList<>();
    preDeployers.add(deploymentPolicy);
    if (configuration.getCustomPreDeployers() != null) {
      preDeployers.addAll(configuration.getCustomPreDeployers());
    }
    configuration.setCustomPreDeployers(preDeployers);
    configuration.setBeans(expressionBeans.asMap());
    configuration.setExpressionManager(new SandboxedExpressionManager(context, expressionBeans));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getJobExecutor() != null) {
      // the engine's default is a random id: with the node's name a job held by a node that died says which
      configuration.getJobExecutor().setLockOwner(NodeName.get());
    }
    AuthorizedGroupIds.install(configuration);
    if ("postgres".equals(configuration.getDatabaseType())) {
      // H2 (demo, tests) has no lateral joins, and holds demo-sized task lists
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new TaskQueryRewrite());
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    // after the engine's own schema operations, which create ACT_RU_TASK on a new database
    TaskIndexes.create((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
  }
}
