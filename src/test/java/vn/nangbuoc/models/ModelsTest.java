package vn.nangbuoc.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.nangbuoc.pathway.ChildPathway;

/**
 * The rules analysts keep when they edit bpmn/ and forms/ in Camunda Modeler: every human step has
 * its own form, routing by data, no escalation drawn (the engine adds it), and nothing names an agency.
 */
class ModelsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static BpmnModelInstance pathway;
  private static Map<String, JsonNode> formsById;
  /** Every model of the bpmn folder: the child's pathway, a unit's report. */
  private static List<BpmnModelInstance> models;

  @BeforeAll
  static void load() throws IOException {
    pathway = Bpmn.readModelFromFile(new File("bpmn/child-pathway.bpmn"));
    models = new ArrayList<>();
    for (File file : new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
      models.add(Bpmn.readModelFromFile(file));
    }
    formsById = new HashMap<>();
    for (File file : new File("forms").listFiles((dir, name) -> name.endsWith(".form"))) {
      JsonNode form = JSON.readTree(file);
      assertThat(formsById.put(form.get("id").asText(), form)).as("form id of " + file + " is unique").isNull();
    }
  }

  @Test
  void shouldGiveEveryHumanStepItsOwnDeployedForm() {
    List<String> referenced = new ArrayList<>();
    for (File file : new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file);
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
        referenced.add(task.getCamundaFormRef());
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        // a unit's report is started by the application when its period opens: no form
        if (start.getParentElement() instanceof Process && start.getCamundaFormRef() != null) {
          assertThat(start.getCamundaFormRefBinding()).isEqualTo("deployment");
          referenced.add(start.getCamundaFormRef());
        }
      }
    }
    assertThat(referenced).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(formsById.keySet());
  }

  @Test
  void shouldListEveryUserTaskAmongTheStepsACaseListFiltersBy() {
    List<String> inModel = pathway.getModelElementsByType(UserTask.class).stream().map(UserTask::getId).toList();
    assertThat(ChildPathway.USER_TASKS).containsExactlyInAnyOrderElementsOf(inModel);
  }

  @Test
  void shouldRouteEveryUserTaskByDataAndNeverByAName() {
    for (UserTask task : models.stream().flatMap(m -> m.getModelElementsByType(UserTask.class).stream()).toList()) {
      assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNull();
      assertThat(task.getCamundaCandidateUsers()).as(task.getId()).isNull();
      assertThat(task.getCamundaAssignee()).as(task.getId()).isNull();
      Collection<CamundaTaskListener> listeners = task.getExtensionElements()
          .getElementsQuery().filterByType(CamundaTaskListener.class).list();
      assertThat(listeners).as(task.getId())
          .anyMatch(l -> "create".equals(l.getCamundaEvent())
              && "${taskRoutingListener}".equals(l.getCamundaDelegateExpression()))
          .anyMatch(l -> "complete".equals(l.getCamundaEvent()));
    }
  }

  /**
   * The engine gives every user task its escalation (vn.nangbuoc.escalation.OverdueTimeout, tested in
   * EscalationMechanismTest): the diagram shows the pathway and nothing else.
   */
  @Test
  void shouldLeaveTheEscalationOfUserTasksToTheEngine() {
    for (BpmnModelInstance model : models) {
      assertThat(model.getModelElementsByType(BoundaryEvent.class))
          .filteredOn(boundary -> boundary.getAttachedTo() instanceof UserTask).isEmpty();
      assertThat(model.getModelElementsByType(EscalationEventDefinition.class)).isEmpty();
      assertThat(model.getModelElementsByType(Escalation.class)).isEmpty();
    }
  }

  @Test
  void shouldNameEveryElementInVietnamese() {
    assertThat(models).hasSizeGreaterThan(1);
    for (BpmnModelInstance model : models) {
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        assertThat(node.getName()).as(node.getId()).isNotBlank();
      }
      Process process = model.getModelElementsByType(Process.class).iterator().next();
      assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }
  }

  @Test
  void shouldUseOnlyTheSharedNamesInFormsAndExpressions() throws IOException, IllegalAccessException {
    // every form field is either a typed field kept out of the engine or a routing variable of its process
    List<String> routingVariables = new ArrayList<>();
    for (Class<?> names : List.of(vn.nangbuoc.pathway.ChildPathway.class, vn.nangbuoc.unitreport.UnitReport.class)) {
      for (java.lang.reflect.Field field : names.getFields()) {
        if (field.getName().startsWith("VAR_")) {
          routingVariables.add((String) field.get(null));
        }
      }
    }
    formsById.forEach((id, form) -> form.get("components").forEach(component -> {
      JsonNode key = component.get("key");
      if (key != null) {
        assertThat(key.asText().startsWith("record_") || routingVariables.contains(key.asText()))
            .as(id + " field " + key.asText()).isTrue();
      }
    }));
    String xml = java.nio.file.Files.readString(new File("bpmn/child-pathway.bpmn").toPath())
        + java.nio.file.Files.readString(new File("bpmn/unit-report.bpmn").toPath());
    Matcher variable = Pattern.compile("\\$\\{!?([a-zA-Z]+)[ }]").matcher(xml);
    while (variable.find()) {
      String name = variable.group(1);
      assertThat(routingVariables.contains(name) || name.endsWith("Listener") || name.endsWith("Delegate"))
          .as("expression " + variable.group()).isTrue();
    }
  }
}
