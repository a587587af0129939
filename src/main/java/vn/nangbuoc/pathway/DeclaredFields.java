package vn.nangbuoc.pathway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The fields a task (or a process's start) declares: the keys of the Camunda Form it references
 * with {@code camunda:formRef}, read from the form deployed with the process. A process definition
 * never changes, so what was read once is kept.
 */
final class DeclaredFields {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Set<String>> known = new ConcurrentHashMap<>();

  /** @param activityId a user task's id, or null for the process's start */
  Set<String> of(CommandContext context, String processDefinitionId, String activityId) {
    return known.computeIfAbsent(processDefinitionId + "#" + activityId,
        key -> read(context, processDefinitionId, activityId));
  }

  private static Set<String> read(CommandContext context, String processDefinitionId, String activityId) {
    var cache = context.getProcessEngineConfiguration().getDeploymentCache();
    BpmnModelInstance model = cache.findBpmnModelInstanceForProcessDefinition(processDefinitionId);
    Set<String> formIds = new HashSet<>();
    if (activityId == null) {
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          formIds.add(start.getCamundaFormRef());
        }
      }
    } else if (model.getModelElementById(activityId) instanceof UserTask task && task.getCamundaFormRef() != null) {
      formIds.add(task.getCamundaFormRef());
    } else if (!(model.getModelElementById(activityId) instanceof FlowElement)) {
      return Set.of();
    }
    String deploymentId = cache.findDeployedProcessDefinitionById(processDefinitionId).getDeploymentId();
    Set<String> keys = new HashSet<>();
    for (ResourceEntity resource : context.getResourceManager().findResourcesByDeploymentId(deploymentId)) {
      if (resource.getName().endsWith(".form")) {
        try {
          JsonNode form = JSON.readTree(resource.getBytes());
          if (formIds.contains(form.path("id").asText())) {
            collectKeys(form.path("components"), keys);
          }
        } catch (IOException e) {
          // not a form this check can read: it declares nothing
        }
      }
    }
    return Set.copyOf(keys);
  }

  private static void collectKeys(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      collectKeys(component.path("components"), keys);
    }
  }
}
