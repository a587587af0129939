package vn.nangbuoc.engine;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.migration.instance.MigratingVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * Full history, minus the child's sensitive details and the creation and deletion of timers: the custom
 * history level the Camunda documentation describes for excluding variables.
 *
 * <p>It keeps the id of the built-in FULL level (3), so a database written by this engine stays
 * readable by a stock engine configured with "full", and the other way round.
 */
public class ProtectedHistoryLevel extends AbstractHistoryLevel {

  public static final String NAME = "full-protected";

  @Override
  public int getId() {
    return 3;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    // Form property events copy every submitted field, sensitive or not, into ACT_HI_DETAIL.
    // Variable history already records the non-sensitive ones.
    if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
      return false;
    }
    // Every task has an escalation timer, created with it and deleted when the task is done in time: two
    // job log rows per task that say nothing (430 MB at 20,000 pathways, docs/performance.md). A timer
    // that fires still logs its success or its failure, with the error, as every other job does.
    if ((eventType == HistoryEventTypes.JOB_CREATE || eventType == HistoryEventTypes.JOB_DELETE)
        && entity instanceof TimerEntity) {
      return false;
    }
    if (eventType == HistoryEventTypes.DMN_DECISION_EVALUATE && entity instanceof DmnDecision decision) {
      return !SensitiveData.DECISIONS_WITH_SENSITIVE_INPUT.contains(decision.getKey());
    }
    return !SensitiveData.isSensitiveVariable(variableName(entity));
  }

  private static String variableName(Object entity) {
    if (entity instanceof VariableInstanceEntity variable) {
      return variable.getName();
    }
    if (entity instanceof HistoricVariableUpdateEventEntity update) {
      return update.getVariableName();
    }
    if (entity instanceof MigratingVariableInstance migrating) {
      return migrating.getVariableName();
    }
    return null;
  }
}
