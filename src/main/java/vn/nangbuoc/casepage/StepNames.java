package vn.nangbuoc.casepage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;
import vn.nangbuoc.pathway.StepCatalogue;
import vn.nangbuoc.pathway.StepCatalogues;
import vn.nangbuoc.system.EngineSystem;

/**
 * The Vietnamese names of the processes' steps, as their models name them (an analyst may rename them); steps
 * outside the models are named by their catalogues.
 */
@Component
class StepNames {

  private final RepositoryService repository;
  private final EngineSystem system;
  private final StepCatalogues catalogues;
  private final Map<String, Map<String, String>> byDefinition = new ConcurrentHashMap<>();

  StepNames(RepositoryService repository, EngineSystem system, StepCatalogues catalogues) {
    this.repository = repository;
    this.system = system;
    this.catalogues = catalogues;
  }

  String of(String stepKey) {
    String outside = catalogues.stepsOutsideTheModels().get(stepKey);
    if (outside != null) {
      return outside;
    }
    for (StepCatalogue catalogue : catalogues.all()) {
      String name = namesInModel(catalogue.processKey()).get(stepKey);
      if (name != null) {
        return name;
      }
    }
    return stepKey;
  }

  /** The names in the latest deployed model of a process; none while it is not deployed. */
  private Map<String, String> namesInModel(String processKey) {
    ProcessDefinition latest = system.call(() -> repository.createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult());
    if (latest == null) {
      return Map.of();
    }
    return byDefinition.computeIfAbsent(latest.getId(), id -> {
      Map<String, String> found = new ConcurrentHashMap<>();
      for (FlowElement element : system.call(() -> repository.getBpmnModelInstance(id))
          .getModelElementsByType(FlowElement.class)) {
        if (element.getName() != null) {
          found.put(element.getId(), element.getName());
        }
      }
      return found;
    });
  }
}
