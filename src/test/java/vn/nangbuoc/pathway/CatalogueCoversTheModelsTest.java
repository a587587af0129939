package vn.nangbuoc.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.nangbuoc.NangBuocSpringTest;

/**
 * A step the catalogue does not know is a step whose records no form and no case page shows: every user task of
 * every process (the models in bpmn/ and whatever the application deploys, here with the test-only process too)
 * has its entry, and every entry names a step of its model and, for a user task, the form deployed with it.
 */
@NangBuocSpringTest
class CatalogueCoversTheModelsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  StepCatalogues catalogues;
  @Autowired
  RepositoryService repository;

  Deployment testProcess;

  @BeforeEach
  void deployTheTestProcess() {
    testProcess = repository.createDeployment().name("Quy trình thử: theo dõi tăng trưởng")
        .addClasspathResource(GrowthCheckSteps.MODEL).addClasspathResource(GrowthCheckSteps.FORM).deploy();
  }

  @AfterEach
  void undeploy() {
    repository.deleteDeployment(testProcess.getId(), true);
  }

  @Test
  void shouldCatalogueEveryProcessOfTheBpmnFolderWithItsModel() {
    List<String> processes = new ArrayList<>();
    for (File file : new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
      for (Process process : Bpmn.readModelFromFile(file).getModelElementsByType(Process.class)) {
        processes.add(process.getId());
        assertThat(catalogues.of(process.getId())).as(file.getName()).map(StepCatalogue::model)
            .contains("bpmn/" + file.getName());
      }
    }
    assertThat(processes).contains(ChildPathway.PROCESS_KEY);
  }

  @Test
  void shouldCatalogueEveryUserTaskOfEveryDeployedProcessWithTheFormDeployedWithIt() throws IOException {
    List<ProcessDefinition> deployed = repository.createProcessDefinitionQuery().latestVersion().list();
    assertThat(deployed).extracting(ProcessDefinition::getKey)
        .contains(ChildPathway.PROCESS_KEY, GrowthCheckSteps.PROCESS_KEY);
    for (ProcessDefinition definition : deployed) {
      Optional<StepCatalogue> catalogue = catalogues.of(definition.getKey());
      assertThat(catalogue).as("catalogue of " + definition.getKey()).isPresent();
      List<String> resources = repository.getDeploymentResourceNames(definition.getDeploymentId());
      for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
        Optional<Step> step = catalogue.get().step(task.getId());
        assertThat(step).as(definition.getKey() + " " + task.getId()).map(Step::kind).contains(Step.Kind.USER_TASK);
        String form = resources.stream().filter(name -> name.equals(step.get().form())
            || name.endsWith("/" + step.get().form())).findFirst().orElse(null);
        assertThat(form).as("deployed form " + step.get().form() + " of " + task.getId()).isNotNull();
        try (InputStream json = repository.getResourceAsStream(definition.getDeploymentId(), form)) {
          assertThat(JSON.readTree(json).path("id").asText()).as(form).isEqualTo(task.getCamundaFormRef());
        }
      }
    }
  }

  @Test
  void shouldNameOnlyStepsTheirModelsHave() {
    for (StepCatalogue catalogue : catalogues.all()) {
      BpmnModelInstance model = Bpmn.readModelFromStream(getClass().getClassLoader()
          .getResourceAsStream(catalogue.model()));
      assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId)
          .contains(catalogue.processKey());
      for (Step step : catalogue.steps()) {
        FlowElement element = model.getModelElementById(step.id());
        switch (step.kind()) {
          case USER_TASK -> assertThat(element).as(step.id()).isInstanceOf(UserTask.class);
          case SERVICE_TASK -> assertThat(element).as(step.id()).isInstanceOf(ServiceTask.class);
          case OUTSIDE_THE_MODEL -> assertThat(element).as(step.id()).isNull();
        }
      }
    }
  }
}
