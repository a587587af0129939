package vn.nangbuoc.erasure;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.system.EngineSystem;

/**
 * Makes the engine keep history exactly as long as the application keeps closed case files: every
 * deployed process and decision definition gets the configured time to live, whatever its model
 * says (the models carry the default, which Camunda Modeler's lint requires). The engine's history
 * cleanup then removes a pathway's history when the retention job erases its case file.
 */
@Component
class HistoryRetention {

  private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

  private final RepositoryService repository;
  private final RetentionSettings settings;
  private final EngineSystem system;

  HistoryRetention(RepositoryService repository, RetentionSettings settings, EngineSystem system) {
    this.repository = repository;
    this.settings = settings;
    this.system = system;
  }

  @EventListener(ApplicationReadyEvent.class)
  void applyToDeployedDefinitions() {
    int changed = apply(settings.days());
    if (changed > 0) {
      log.info("History time to live set to {} days on {} definitions", settings.days(), changed);
    }
  }

  /** @return how many definitions had another time to live */
  int apply(int days) {
    return system.call(() -> {
      int changed = 0;
      for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
        if (definition.getHistoryTimeToLive() == null || definition.getHistoryTimeToLive() != days) {
          repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
          changed++;
        }
      }
      for (DecisionDefinition definition : repository.createDecisionDefinitionQuery().list()) {
        if (definition.getHistoryTimeToLive() == null || definition.getHistoryTimeToLive() != days) {
          repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
          changed++;
        }
      }
      return changed;
    });
  }
}
