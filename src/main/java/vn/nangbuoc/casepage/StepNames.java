package vn.nangbuoc.casepage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;
import vn.nangbuoc.engine.EngineSystem;
import vn.nangbuoc.pathway.ChildPathway;

/** The Vietnamese names of the pathway's steps, as the model names them (an analyst may rename them). */
@Component
class StepNames {

  private static final Map<String, String> OUTSIDE_THE_MODEL = Map.of(
      "Withdrawal", "Gia đình xin rút khỏi chương trình",
      "Move", "Trẻ chuyển nơi cư trú");

  private final RepositoryService repository;
  private final EngineSystem system;
  private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

  StepNames(RepositoryService repository, EngineSystem system) {
    this.repository = repository;
    this.system = system;
  }

  String of(String stepKey) {
    ProcessDefinition latest = system.call(() -> repository.createProcessDefinitionQuery()
        .processDefinitionKey(ChildPathway.PROCESS_KEY).latestVersion().singleResult());
    Map<String, String> names = byDefinition.computeIfAbsent(latest.getId(), id -> {
      Map<String, String> found = new ConcurrentHashMap<>(OUTSIDE_THE_MODEL);
      for (FlowElement element : system.call(() -> repository.getBpmnModelInstance(id))
          .getModelElementsByType(FlowElement.class)) {
        if (element.getName() != null) {
          found.put(element.getId(), element.getName());
        }
      }
      return found;
    });
    return names.getOrDefault(stepKey, stepKey);
  }
}
