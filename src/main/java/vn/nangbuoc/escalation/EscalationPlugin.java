package vn.nangbuoc.escalation;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Gives every user task of every process the overdue escalation ({@link EscalatingBpmnParse}). */
@Component
class EscalationPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getBpmnParseFactory() != null) {
      // two parse factories cannot both apply; losing the escalation silently would be worse than not starting
      throw new IllegalStateException("Another BPMN parse factory is configured: "
          + configuration.getBpmnParseFactory());
    }
    configuration.setBpmnParseFactory(EscalatingBpmnParse::new);
  }
}
