package vn.nangbuoc.erasure;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;
import vn.nangbuoc.system.EngineSystem;

/**
 * Removes a pathway from the engine altogether: the running instance (without running its
 * listeners: nothing should happen because of an erasure), its history, the decisions evaluated for
 * it, the user operation log about it and the authorizations that opened it to its agencies.
 * As the system, so the erasure itself writes no new log entry about the child.
 */
@Component
class EngineErasure {

  private static final Resource[] PER_INSTANCE = {Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE};
  private static final Resource[] PER_TASK = {Resources.TASK, Resources.HISTORIC_TASK};

  private final RuntimeService runtime;
  private final HistoryService history;
  private final AuthorizationService authorizations;
  private final EngineSystem system;

  EngineErasure(RuntimeService runtime, HistoryService history, AuthorizationService authorizations,
      EngineSystem system) {
    this.runtime = runtime;
    this.history = history;
    this.authorizations = authorizations;
    this.system = system;
  }

  void erase(String processInstanceId) {
    system.run(() -> {
      // the engine grants each task's groups on the task itself (resource id = task id)
      List<String> taskIds = history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list()
          .stream().map(HistoricTaskInstance::getId).toList();
      if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
        runtime.deleteProcessInstance(processInstanceId, "Xóa hồ sơ", true, true, true, false);
      }
      for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery()
          .processInstanceId(processInstanceId).list()) {
        history.deleteHistoricDecisionInstanceByInstanceId(decision.getId());
      }
      history.deleteHistoricProcessInstancesIfExists(List.of(processInstanceId));
      for (UserOperationLogEntry entry : history.createUserOperationLogQuery().processInstanceId(processInstanceId)
          .list()) {
        history.deleteUserOperationLogEntry(entry.getId());
      }
      for (Resource resource : PER_INSTANCE) {
        deleteAuthorizations(resource, processInstanceId);
      }
      for (String taskId : taskIds) {
        for (Resource resource : PER_TASK) {
          deleteAuthorizations(resource, taskId);
        }
      }
    });
  }

  private void deleteAuthorizations(Resource resource, String resourceId) {
    authorizations.createAuthorizationQuery().resourceType(resource).resourceId(resourceId).list()
        .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
  }
}
