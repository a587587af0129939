package vn.nangbuoc.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The deployment policy over the engine's REST API (the path of Cockpit and of Modeler's deploy
 * button) as the demo administrator, who holds ALL on deployments, and through the Java API: every
 * kind of model that would run code of the deployer's choosing is refused with 400 and a Vietnamese
 * message, and leaves no deployment, definition or resource behind; the product's own models and a
 * changed routing table deploy as before. Runs on H2 ({@link DeploymentPolicyTest}) and on PostgreSQL
 * ({@link DeploymentPolicyPostgresIT}).
 */
abstract class DeploymentPolicyChecks {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final String ADMINISTRATOR = "quantri";
  private static final String PROBE = "Bản thử chính sách triển khai";

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  RepositoryService repository;
  @Autowired
  DeploymentPolicy policy;
  @Autowired
  DecisionService decisions;

  // in these models a line ending in "\" goes on at the start of the next (the model is the same as on one line)
  static Stream<Arguments> refusedModels() {
    return Stream.of(
        Arguments.of("script task", "probe.bpmn", process("""
            <bpmn:scriptTask id="Task_Probe" scriptFormat="javascript">
              <bpmn:script>java.lang.System.getProperty('user.home')</bpmn:script>
            </bpmn:scriptTask>""")),
        Arguments.of("script execution listener", "probe.bpmn", process(serviceTask("camunda:expression=\"${x}\"", """
            <camunda:executionListener event="start">
              <camunda:script scriptFormat="groovy">System.getProperty('user.home')</camunda:script>
            </camunda:executionListener>"""))),
        Arguments.of("script input parameter", "probe.bpmn", process(serviceTask("camunda:expression=\"${x}\"", """
            <camunda:inputOutput>
              <camunda:inputParameter name="home"><camunda:script scriptFormat="javascript">1</camunda:script>\
            </camunda:inputParameter>
            </camunda:inputOutput>"""))),
        Arguments.of("script task listener in the old activiti namespace", "probe.bpmn", process("""
            <bpmn:userTask id="Task_Probe">
              <bpmn:extensionElements>
                <activiti:taskListener xmlns:activiti="http://activiti.org/bpmn" event="create" \
            class="java.lang.Object" />
              </bpmn:extensionElements>
            </bpmn:userTask>""")),
        Arguments.of("camunda:class on a service task", "probe.bpmn",
            process(serviceTask("camunda:class=\"vn.nangbuoc.closure.RecordClosureDelegate\"", ""))),
        Arguments.of("camunda:class on a task listener", "probe.bpmn", process("""
            <bpmn:userTask id="Task_Probe">
              <bpmn:extensionElements>
                <camunda:taskListener event="create" class="vn.nangbuoc.routing.TaskRoutingListener" />
              </bpmn:extensionElements>
            </bpmn:userTask>""")),
        Arguments.of("method call in a service task's expression", "probe.bpmn", process(serviceTask(
            "camunda:expression=\"${caseFileService.get(1).fullName()}\" camunda:resultVariable=\"ten\"", ""))),
        Arguments.of("reflection in a service task's expression", "probe.bpmn", process(serviceTask(
            "camunda:expression=\"${''.getClass().forName('java.lang.System').getMethod('getProperty', ''.getClass())"
                + ".invoke(null, 'user.home')}\" camunda:resultVariable=\"nha\"", ""))),
        Arguments.of("reflection through brackets", "probe.bpmn", process(serviceTask(
            "camunda:expression=\"${execution['processEngineServices']['runtimeService']}\"", ""))),
        Arguments.of("deferred expression with a method call", "probe.bpmn", process(serviceTask(
            "camunda:expression=\"#{caseFileService.get(1)}\"", ""))),
        Arguments.of("method call in a condition", "probe.bpmn", gateway("${caseFileService.get(1) != null}", "")),
        Arguments.of("method call in a condition written as CDATA", "probe.bpmn",
            gateway("<![CDATA[${indication == 'SURGERY' && caseFileService . get ( 1 ) != null}]]>", "")),
        Arguments.of("script condition", "probe.bpmn", gateway("true", " language=\"groovy\"")),
        Arguments.of("method call in a listener expression", "probe.bpmn", process(serviceTask(
            "camunda:expression=\"${x}\"",
            "<camunda:executionListener event=\"start\" "
                + "expression=\"${execution.getProcessEngineServices().getRuntimeService()}\" />"))),
        Arguments.of("method call in a delegateExpression", "probe.bpmn",
            process(serviceTask("camunda:delegateExpression=\"${caseFileService.get(1)}\"", ""))),
        Arguments.of("delegateExpression naming a bean that is no delegate", "probe.bpmn",
            process(serviceTask("camunda:delegateExpression=\"${caseFileService}\"", ""))),
        Arguments.of("method call in a task's assignee", "probe.bpmn", process("""
            <bpmn:userTask id="Task_Probe" camunda:assignee="${caseFileService.get(1).fullName()}" />""")),
        Arguments.of("JUEL in a DMN input", "task-routing.dmn", routingTable().replaceFirst(
            "<inputExpression id=\"Input_TaskKeyExpression\" typeRef=\"string\">",
            "<inputExpression id=\"Input_TaskKeyExpression\" typeRef=\"string\" expressionLanguage=\"juel\">")),
        Arguments.of("JUEL as the DMN's default language", "task-routing.dmn", routingTable().replaceFirst(
            "namespace=\"http://nangbuoc.vn/dmn\"",
            "namespace=\"http://nangbuoc.vn/dmn\" expressionLanguage=\"juel\"")),
        Arguments.of("a script language in a DMN output", "task-routing.dmn", routingTable().replaceFirst(
            "<outputEntry id=\"([^\"]+)\">", "<outputEntry id=\"$1\" expressionLanguage=\"javascript\">")),
        Arguments.of("script read from a resource", "probe.bpmn", process("""
            <bpmn:scriptTask id="Task_Probe" scriptFormat="javascript" camunda:resource="deployment://x.js" />""")),
        Arguments.of("HTTP connector", "probe.bpmn", process(serviceTask("", """
            <camunda:connector>
              <camunda:connectorId>http-connector</camunda:connectorId>
            </camunda:connector>"""))),
        Arguments.of("form from outside", "probe.bpmn", process("""
            <bpmn:userTask id="Task_Probe" camunda:formKey="http://example.org/dang-nhap.html" />""")),
        Arguments.of("form with an iframe", "probe.form", """
            {"id": "Form_Probe", "type": "default", "components": [
              {"id": "Field_Probe", "type": "iframe", "url": "https://example.org/dang-nhap"}]}"""),
        Arguments.of("HTML page among the models", "probe.html", "<script>alert(1)</script>"),
        Arguments.of("CMMN case", "probe.cmmn", "<definitions />"),
        Arguments.of(".bar archive uploaded as one file", "probe.bar",
            new String(zip("probe.bpmn", process(serviceTask("camunda:class=\"java.lang.Object\"", ""))),
                StandardCharsets.ISO_8859_1)),
        Arguments.of("form handler class on a start event (instantiated while parsing)", "probe.bpmn",
            process("""
                <bpmn:userTask id="Task_Probe" />""").replace("<bpmn:startEvent id=\"StartEvent_Probe\" />",
                "<bpmn:startEvent id=\"StartEvent_Probe\" camunda:formHandlerClass=\"java.lang.Object\" />")),
        Arguments.of("form handler class on a user task", "probe.bpmn", process("""
            <bpmn:userTask id="Task_Probe" camunda:formHandlerClass="java.lang.Object" />""")),
        Arguments.of("form field validator class (instantiated on submit)", "probe.bpmn", process("""
            <bpmn:userTask id="Task_Probe">
              <bpmn:extensionElements>
                <camunda:formData>
                  <camunda:formField id="ten" type="string">
                    <camunda:validation><camunda:constraint name="validator" config="java.lang.Object" />\
            </camunda:validation>
                  </camunda:formField>
                </camunda:formData>
              </bpmn:extensionElements>
            </bpmn:userTask>""")),
        Arguments.of("validator constraint outside form data", "probe.bpmn", process("""
            <bpmn:userTask id="Task_Probe">
              <bpmn:extensionElements>
                <camunda:constraint name="validator" config="java.lang.Object" />
              </bpmn:extensionElements>
            </bpmn:userTask>""")),
        Arguments.of("candidate group camunda-admin", "probe.bpmn", process("""
            <bpmn:userTask id="Task_Probe" camunda:candidateGroups="camunda-admin" />""")),
        Arguments.of("candidate users", "probe.bpmn", process("""
            <bpmn:userTask id="Task_Probe" camunda:candidateUsers="quantri" />""")),
        Arguments.of("assignee", "probe.bpmn", process("""
            <bpmn:userTask id="Task_Probe" camunda:assignee="quantri" />""")),
        Arguments.of("candidate groups in the old activiti namespace", "probe.bpmn", process("""
            <bpmn:userTask xmlns:activiti="http://activiti.org/bpmn" id="Task_Probe" \
            activiti:candidateGroups="camunda-admin" />""")),
        Arguments.of("field injected into a product delegate", "probe.bpmn", process(serviceTask(
            "camunda:delegateExpression=\"${checkEligibilityDelegate}\"", """
            <camunda:field name="caseFileService"><camunda:string>x</camunda:string></camunda:field>"""))),
        Arguments.of("shell task (runs a command of the server)", "probe.bpmn", process(serviceTask(
            "camunda:type=\"shell\"", """
            <camunda:field name="command"><camunda:string>id</camunda:string></camunda:field>"""))),
        Arguments.of("mail task", "probe.bpmn", process(serviceTask("camunda:type=\"mail\"", """
            <camunda:field name="to"><camunda:string>ai@example.org</camunda:string></camunda:field>"""))),
        Arguments.of("external task", "probe.bpmn",
            process(serviceTask("camunda:type=\"external\" camunda:topic=\"t\"", ""))),
        Arguments.of("model with a DOCTYPE", "probe.bpmn", process(serviceTask("camunda:expression=\"&e;\"", ""))
            .replaceFirst("\\?>", "?><!DOCTYPE bpmn:definitions [<!ENTITY e \"\\${caseFileService.get(1)}\">]>")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedModels")
  void shouldRefuseOverRestAndCreateNothing(String kind, String file, String content) {
    long before = deploymentRows();

    ResponseEntity<Map<String, Object>> answer = deploy(file, content.getBytes(charsetOf(file)));

    assertThat(answer.getStatusCode()).as(kind).isEqualTo(HttpStatus.BAD_REQUEST);
    String message = (String) answer.getBody().get("message");
    assertThat(message).as(kind).startsWith("Không triển khai được").doesNotContain("ENGINE-");
    assertThat(deploymentRows()).as(kind + ": nothing deployed").isEqualTo(before);
  }

  @Test
  void shouldRefuseABadModelInsideAZipThroughTheJavaApi() {
    long before = deploymentRows();
    byte[] archive = zip("processes/probe.bpmn", process(serviceTask(
        "camunda:expression=\"${caseFileService.get(1).fullName()}\"", "")));

    assertThatThrownBy(() -> repository.createDeployment().name(PROBE)
        .addZipInputStream(new ZipInputStream(new java.io.ByteArrayInputStream(archive))).deploy())
        .isInstanceOf(DeploymentRefusedException.class)
        .hasMessageStartingWith("Không triển khai được")
        .hasMessageContaining("processes/probe.bpmn");
    assertThat(deploymentRows()).isEqualTo(before);
  }

  @Test
  void shouldNameWhatIsWrongAndWhere() {
    ResponseEntity<Map<String, Object>> answer = deploy("probe.bpmn", process(serviceTask(
        "camunda:expression=\"${caseFileService.get(1).fullName()}\"", "")).getBytes(StandardCharsets.UTF_8));

    assertThat((String) answer.getBody().get("message"))
        .contains("probe.bpmn, Task_Probe: gọi phương thức (caseFileService.get(1).fullName())");
  }

  @Test
  void shouldPassEveryShippedModelAndForm() throws IOException {
    List<Path> shipped;
    try (Stream<Path> bpmn = Files.list(Path.of("bpmn")); Stream<Path> forms = Files.list(Path.of("forms"))) {
      shipped = Stream.concat(bpmn, forms).toList();
    }
    assertThat(shipped).hasSizeGreaterThan(15);
    for (Path file : shipped) {
      assertThat(policy.problems(file.getFileName().toString(), Files.readAllBytes(file))).as(file.toString())
          .isEmpty();
    }
  }

  @Test
  void shouldDeployAChangedRoutingTableOverRest() {
    String table = routingTable();
    String fiveDays = table.replaceFirst(
        "(<rule id=\"Rule_ApproveFundingUpTo30M\">(?s:.*?)<outputEntry id=\"[^\"]+\">\\s*<text>)3(</text>)", "$15$2");
    String otherLimit = fiveDays.replace("30000000", "35000000");
    assertThat(otherLimit).isNotEqualTo(table);

    ResponseEntity<Map<String, Object>> answer =
        deploy("task-routing.dmn", otherLimit.getBytes(StandardCharsets.UTF_8));
    String deploymentId = (String) answer.getBody().get("id");
    try {
      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
      DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey("task-routing")
          .latestVersion().singleResult();
      assertThat(latest.getDeploymentId()).isEqualTo(deploymentId);
    } finally {
      if (deploymentId != null) {
        repository.deleteDeployment(deploymentId, true);
      }
    }
  }

  @Test
  void shouldDeployAProcessThatReadsVariablesAndNamesTheProductsDelegates() {
    String allowed = gateway("${indication == 'SURGERY' &amp;&amp; !familyConsent}", "").replace(
        "<bpmn:endEvent id=\"EndEvent_Yes\" />", """
            <bpmn:serviceTask id="Task_Yes" camunda:delegateExpression="${checkEligibilityDelegate}" />
            <bpmn:sequenceFlow id="Flow_ToEndYes" sourceRef="Task_Yes" targetRef="EndEvent_Yes" />
            <bpmn:endEvent id="EndEvent_Yes" />""").replace("targetRef=\"EndEvent_Yes\" >", "targetRef=\"Task_Yes\" >");

    ResponseEntity<Map<String, Object>> answer = deploy("probe.bpmn", allowed.getBytes(StandardCharsets.UTF_8));
    String deploymentId = (String) answer.getBody().get("id");
    try {
      assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.OK);
      assertThat(repository.createProcessDefinitionQuery().deploymentId(deploymentId).count()).isEqualTo(1);
    } finally {
      if (deploymentId != null) {
        repository.deleteDeployment(deploymentId, true);
      }
    }
  }

  @Test
  void shouldNotLetFeelCallJava() {
    // FEEL passes the policy: the engine builds its FEEL engine with external (Java) functions disabled
    // (the "\" goes on at the start of the next line)
    String decision = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" \
        xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="Definitions_FeelProbe" name="Bản thử" namespace="http://nangbuoc.vn/dmn">
          <decision id="feel-probe" name="Bản thử FEEL" camunda:historyTimeToLive="1">
            <variable id="Variable_Home" name="home" typeRef="string" />
            <literalExpression id="LiteralExpression_Home">
              <text>{home: function(key) external {java: {class: "java.lang.System",
                method signature: "getProperty(java.lang.String)"}}, value: home("user.home")}.value</text>
            </literalExpression>
          </decision>
        </definitions>""".strip();
    Deployment deployment = repository.createDeployment().name(PROBE).addString("feel-probe.dmn", decision).deploy();
    try {
      assertThatThrownBy(() -> decisions.evaluateDecisionByKey("feel-probe").evaluate())
          .rootCause().hasMessageContaining("External functions are disabled");
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  private ResponseEntity<Map<String, Object>> deploy(String file, byte[] content) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", PROBE);
    form.add(file, new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return file;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(ADMINISTRATOR, "demo123").exchange("/engine-rest/deployment/create", HttpMethod.POST,
        new HttpEntity<>(form, headers), OBJECT);
  }

  /** Deployments, resources and definitions of every kind, so that no partial deployment goes unseen. */
  private long deploymentRows() {
    return jdbc.queryForObject("select (select count(*) from ACT_RE_DEPLOYMENT)"
        + " + (select count(*) from ACT_GE_BYTEARRAY where DEPLOYMENT_ID_ is not null)"
        + " + (select count(*) from ACT_RE_PROCDEF)"
        + " + (select count(*) from ACT_RE_DECISION_DEF) + (select count(*) from ACT_RE_CAMFORMDEF)", Long.class);
  }

  private static java.nio.charset.Charset charsetOf(String file) {
    return file.endsWith(".bar") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
  }

  private static String routingTable() {
    try {
      return Files.readString(Path.of("bpmn/task-routing.dmn"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String serviceTask(String attributes, String extensions) {
    return "<bpmn:serviceTask id=\"Task_Probe\" " + attributes + ">"
        + (extensions.isEmpty() ? "" : "<bpmn:extensionElements>" + extensions + "</bpmn:extensionElements>")
        + "</bpmn:serviceTask>";
  }

  /** Start, the task given, end. */
  private static String process(String task) {
    return definitions("""
        <bpmn:startEvent id="StartEvent_Probe" />
        <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="StartEvent_Probe" targetRef="Task_Probe" />
        %s
        <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Probe" targetRef="EndEvent_Probe" />
        <bpmn:endEvent id="EndEvent_Probe" />""".formatted(task));
  }

  /** Start, a gateway whose "yes" flow has the condition given, two ends. */
  private static String gateway(String condition, String languageAttribute) {
    return definitions("""
        <bpmn:startEvent id="StartEvent_Probe" />
        <bpmn:sequenceFlow id="Flow_ToGateway" sourceRef="StartEvent_Probe" targetRef="Gateway_Probe" />
        <bpmn:exclusiveGateway id="Gateway_Probe" default="Flow_No" />
        <bpmn:sequenceFlow id="Flow_Yes" sourceRef="Gateway_Probe" targetRef="EndEvent_Yes" >
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"%s>%s</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="Flow_No" sourceRef="Gateway_Probe" targetRef="EndEvent_No" />
        <bpmn:endEvent id="EndEvent_Yes" />
        <bpmn:endEvent id="EndEvent_No" />""".formatted(languageAttribute, condition));
  }

  private static String definitions(String flow) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_Probe" targetNamespace="http://nangbuoc.vn/probe">
          <bpmn:process id="deployment-policy-probe" name="Bản thử" isExecutable="true" camunda:historyTimeToLive="1">
            %s
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(flow).strip();
  }

  private static byte[] zip(String name, String content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }
}
