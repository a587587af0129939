package vn.nangbuoc.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnProperties;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Works around an engine bug (camunda-bpm-platform#4637, still in 7.24): when it reads an instance waiting at a
 * user task for a migration, the engine takes the task's timeout-listener timer declaration out of the target
 * definition it holds in its cache (ActivityInstanceJobHandler removes it from the definition's own map, meant to
 * be a copy). The next instance at that task then loses its escalation timer, and so does every task the target
 * version creates there until the engine restarts. Every user task has such a timer (escalation.OverdueTimeout),
 * so the maps a definition is parsed with ignore removals; the engine's check for an already migrated timer
 * (isNonInterruptingTimeoutListenerTriggeredAlready) still keeps it from adding a second one.
 * PathwayMigrationTest proves both: every migrated task keeps one timer, and new tasks get theirs.
 */
@Component
class KeptTimeoutDeclarations extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        keep(processDefinition);
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static void keep(ScopeImpl scope) {
    Map<String, Map<String, TimerDeclarationImpl>> declarations =
        scope.getProperties().get(BpmnProperties.TIMEOUT_LISTENER_DECLARATIONS);
    if (declarations != null) {
      declarations.replaceAll((activityId, byListener) -> new RemovalIgnored(byListener));
    }
    for (ActivityImpl activity : scope.getActivities()) {
      keep(activity);
    }
  }

  /** A task's timeout declarations by listener id; the engine's "remove" during a migration only reads. */
  static final class RemovalIgnored extends HashMap<String, TimerDeclarationImpl> {

    private static final long serialVersionUID = 1L;

    RemovalIgnored(Map<String, TimerDeclarationImpl> declarations) {
      super(declarations);
    }

    @Override
    public TimerDeclarationImpl remove(Object listenerId) {
      return get(listenerId);
    }
  }
}
