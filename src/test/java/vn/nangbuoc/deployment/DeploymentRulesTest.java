package vn.nangbuoc.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.w3c.dom.Element;
import vn.nangbuoc.escalation.OverdueTimeout;

/** The rules of each kind of file, without Spring's application or the engine. */
class DeploymentRulesTest {

  private final StaticListableBeanFactory beans = new StaticListableBeanFactory();
  private final DeploymentPolicy policy = new DeploymentPolicy(new ExpressionBeans(beans));

  DeploymentRulesTest() {
    beans.addBean("probeDelegate", new ProbeDelegate());
    beans.addBean("caseFileService", new Object());
  }

  @Test
  void shouldTakeADelegateOfTheProductByNameAndNothingElse() {
    assertThat(policy.problems("a.bpmn", bpmn("camunda:delegateExpression=\"${probeDelegate}\""))).isEmpty();
    assertThat(policy.problems("a.bpmn", bpmn("camunda:delegateExpression=\"${ probeDelegate }\""))).isEmpty();
    assertThat(policy.problems("a.bpmn", bpmn("camunda:delegateExpression=\"${caseFileService}\""))).isNotEmpty();
    assertThat(policy.problems("a.bpmn", bpmn("camunda:delegateExpression=\"${unknownBean}\""))).isNotEmpty();
    assertThat(policy.problems("a.bpmn", bpmn("camunda:delegateExpression=\"${probeDelegate.self()}\"")))
        .isNotEmpty();
  }

  @Test
  void shouldRefuseEveryCamundaAttributeTheShippedModelsDoNotUse() {
    assertThat(policy.problems("a.bpmn", bpmn("camunda:formHandlerClass=\"any.Class\"")))
        .containsExactly("Task_A: gọi lớp Java (camunda:formHandlerClass)");
    assertThat(policy.problems("a.bpmn", bpmn("camunda:type=\"external\"")))
        .containsExactly("Task_A: không dùng được camunda:type"
            + " (chỉ nhận các thuộc tính Camunda mà quy trình của Nâng Bước dùng)");
    assertThat(policy.problems("a.bpmn", bpmn("camunda:futureAttribute=\"x\""))).hasSize(1);
    assertThat(policy.problems("a.bpmn",
        bpmn("xmlns:activiti=\"http://activiti.org/bpmn\" activiti:formHandlerClass=\"any.Class\"")))
        .containsExactly("Task_A: gọi lớp Java (camunda:formHandlerClass)");
    assertThat(policy.problems("a.bpmn", bpmn("camunda:delegateExpression=\"${probeDelegate}\""
        + " camunda:asyncBefore=\"true\" camunda:historyTimeToLive=\"30\""))).isEmpty();
  }

  @Test
  void shouldRefuseEveryAssignmentInTheModel() {
    // who works a task is routing data (task-routing.dmn), not something an administrator writes in a model
    for (String assignment : List.of("camunda:candidateGroups=\"camunda-admin\"", "camunda:candidateGroups=\"${nhom}\"",
        "camunda:candidateUsers=\"quantri\"", "camunda:assignee=\"quantri\"", "camunda:assignee=\"${currentUser()}\"",
        "camunda:candidateStarterGroups=\"camunda-admin\"")) {
      List<String> problems = policy.problems("a.bpmn", userTask(assignment, ""));
      assertThat(problems).as(assignment).isNotEmpty();
      assertThat(problems.get(0)).as(assignment).startsWith("Task_A: không giao việc trong mô hình (camunda:");
    }
  }

  @Test
  void shouldRefuseEveryCamundaElementTheShippedModelsDoNotUse() {
    assertThat(policy.problems("a.bpmn", userTask("", """
        <camunda:formData><camunda:formField id="f" type="string"><camunda:validation>
          <camunda:constraint name="validator" config="any.Class" />
        </camunda:validation></camunda:formField></camunda:formData>""")))
        .containsExactly("formData trong Task_A: không dùng được phần tử camunda:formData");
    assertThat(policy.problems("a.bpmn",
        userTask("", "<camunda:constraint name=\"validator\" config=\"any.Class\" />")))
        .containsExactly("constraint trong Task_A: không dùng được phần tử camunda:constraint");
    assertThat(policy.problems("a.bpmn", userTask("", "<camunda:inputOutput><camunda:inputParameter name=\"caseId\">1"
        + "</camunda:inputParameter></camunda:inputOutput>")))
        .containsExactly("inputOutput trong Task_A: không dùng được phần tử camunda:inputOutput");
    assertThat(policy.problems("a.bpmn", userTask("",
        "<camunda:taskListener event=\"create\" delegateExpression=\"${probeDelegate}\">"
        + "<camunda:field name=\"x\" stringValue=\"y\" /></camunda:taskListener>")))
        .containsExactly("field trong Task_A: không dùng được phần tử camunda:field");
    assertThat(policy.problems("a.bpmn", userTask("",
        "<camunda:taskListener event=\"create\" delegateExpression=\"${probeDelegate}\" class=\"any.Class\" />")))
        .containsExactly("taskListener trong Task_A: gọi lớp Java (camunda:class)");
    assertThat(policy.problems("a.bpmn", userTask("",
        "<camunda:executionListener event=\"start\" delegateExpression=\"${probeDelegate}\""
        + " camunda:class=\"any.Class\" />")))
        .containsExactly("executionListener trong Task_A: gọi lớp Java (camunda:class)");
    assertThat(policy.problems("a.bpmn", userTask("",
        "<camunda:taskListener event=\"create\" delegateExpression=\"${probeDelegate}\" />"
        + "<camunda:properties><camunda:property name=\"a\" value=\"b\" /></camunda:properties>"))).isEmpty();
  }

  @Test
  void shouldRefuseCamundaAttributesInADecisionThatTheShippedTablesDoNotUse() {
    assertThat(policy.problems("a.dmn", dmn("camunda:historyTimeToLive=\"180\" camunda:versionTag=\"2\""))).isEmpty();
    assertThat(policy.problems("a.dmn", dmn("camunda:decisionClass=\"any.Class\"")))
        .containsExactly("d1: không dùng được camunda:decisionClass"
            + " (chỉ nhận các thuộc tính Camunda mà bảng quyết định của Nâng Bước dùng)");
  }

  @Test
  void shouldLeaveDocumentationAlone() {
    byte[] documented = new String(bpmn("camunda:delegateExpression=\"${probeDelegate}\""), StandardCharsets.UTF_8)
        .replace("<bpmn:process id=\"p\" isExecutable=\"true\">",
            "<bpmn:process id=\"p\" isExecutable=\"true\"><bpmn:documentation>${a.b()}</bpmn:documentation>")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(policy.problems("a.bpmn", documented)).isEmpty();
  }

  @Test
  void shouldRefuseFormsThatLoadOrLinkOutside() {
    assertThat(policy.problems("a.form",
        form("{\"id\": \"Text_A\", \"type\": \"text\", \"text\": \"### {{case_header}}\"}"))).isEmpty();
    assertThat(policy.problems("a.form", form(
        "{\"id\": \"Text_A\", \"type\": \"text\", \"text\": \"[Đăng nhập lại](https://example.org/login)\"}")))
        .containsExactly("biểu mẫu trỏ tới địa chỉ bên ngoài (text)");
    assertThat(policy.problems("a.form", form("{\"id\": \"Image_A\", \"type\": \"image\", \"source\": \"data:,\"}")))
        .containsExactly("Image_A: loại thành phần \"image\" không được phép trong biểu mẫu");
    assertThat(policy.problems("a.form", "không phải JSON".getBytes(StandardCharsets.UTF_8))).hasSize(1);
  }

  @Test
  void shouldListTheFirstProblemsAndCountTheRest() {
    DeploymentEntity deployment = new DeploymentEntity();
    deployment.setNew(true);
    for (int i = 0; i < 7; i++) {
      ResourceEntity resource = new ResourceEntity();
      resource.setName("tep" + i + ".js");
      resource.setBytes(new byte[0]);
      deployment.addResource(resource);
    }

    assertThatThrownBy(() -> policy.deploy(deployment)).isInstanceOf(DeploymentRefusedException.class)
        .hasMessageStartingWith("Không triển khai được")
        .hasMessageEndingWith("; và 2 chỗ khác.");
  }

  @Test
  void shouldNotCheckAgainWhatTheEngineLoadsFromItsDatabase() {
    DeploymentEntity loaded = new DeploymentEntity();
    ResourceEntity resource = new ResourceEntity();
    resource.setName("old.js");
    resource.setBytes(new byte[0]);
    loaded.addResource(resource);

    assertThatCode(() -> policy.deploy(loaded)).doesNotThrowAnyException();
  }

  @Test
  void shouldAllowExactlyTheCallsTheShippedModelsMake() throws IOException {
    Set<String> calls = new TreeSet<>();
    for (Path model : shippedProcesses()) {
      for (Element element : ModelXml.elements(ModelXml.parse(Files.readAllBytes(model)))) {
        List<String> texts = new ArrayList<>(List.of(ModelXml.ownText(element)));
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
          texts.add(element.getAttributes().item(i).getNodeValue());
        }
        texts.stream().filter(ExpressionRule::isExpression).forEach(
            text -> collectCalls(new Builder(Builder.Feature.METHOD_INVOCATIONS).build(text).getRoot(), calls));
      }
    }
    // and the timer the engine gives every user task instead of a drawn one (old versions still draw it)
    collectCalls(new Builder(Builder.Feature.METHOD_INVOCATIONS).build(OverdueTimeout.CYCLE).getRoot(), calls);
    assertThat(calls).isEqualTo(new TreeSet<>(ExpressionBeans.allowedCalls()));
  }

  private static void collectCalls(Node node, Set<String> calls) {
    if (node instanceof AstMethod) {
      calls.add(ExpressionRule.canonical(node));
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      collectCalls(node.getChild(i), calls);
    }
  }

  private static List<Path> shippedProcesses() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).toList();
    }
  }

  private static byte[] bpmn(String serviceTaskAttributes) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:serviceTask id="Task_A" %s />
          </bpmn:process>
        </bpmn:definitions>""".formatted(serviceTaskAttributes).strip().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] userTask(String attributes, String extensions) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:userTask id="Task_A" %s><bpmn:extensionElements>%s</bpmn:extensionElements></bpmn:userTask>
          </bpmn:process>
        </bpmn:definitions>""".formatted(attributes, extensions).strip().getBytes(StandardCharsets.UTF_8);
  }

  /** The first line ending in "\" goes on at the start of the next. */
  private static byte[] dmn(String decisionAttributes) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="defs" name="d" namespace="http://nangbuoc.vn/dmn">
          <decision id="d1" name="d1" %s>
            <literalExpression id="e1"><text>1</text></literalExpression>
          </decision>
        </definitions>""".formatted(decisionAttributes).strip().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] form(String component) {
    return ("{\"id\": \"Form_A\", \"type\": \"default\", \"components\": [" + component + "]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static class ProbeDelegate implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      // never run: only its bean name is checked
    }
  }
}
