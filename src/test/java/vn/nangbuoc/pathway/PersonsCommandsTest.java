package vn.nangbuoc.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.RestartProcessInstanceBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.listing.ListingService;

/**
 * Item 9 of issue 17, second part: besides completing a task and starting a pathway, no engine
 * command lets a signed-in person put variables or free text into the engine (modifications, start
 * instructions, restarts, migrations, start conditions, comments, attachments, a task's text,
 * incident messages and annotations, a task ended by error or escalation, decisions evaluated with
 * inputs): refused with a Vietnamese 400,
 * nothing stored. The application's own work, run without a user, goes on.
 */
@NangBuocSpringTest
class PersonsCommandsTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;

  private PathwayDriver driver;
  private String secret;

  @BeforeEach
  void setUp() {
    driver = new PathwayDriver(engine, listing);
    secret = "SĐT 0912345678, CCCD 0012190" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
  }

  @Test
  void shouldRefuseAModificationCarryingVariables() {
    ProcessInstance pathway = driver.listEligibleChild();
    Map<String, Object> instruction = Map.of("type", "startBeforeActivity",
        "activityId", ChildPathway.TASK_RECORD_SCREENING, "variables", Map.of("ghiChu", Map.of("value", secret)));

    for (String path : List.of("/modification", "/modification-async")) {
      ResponseEntity<Map<String, Object>> refused = post("quantri", "/engine-rest/process-instance/" + pathway.getId()
          + path, Map.of("instructions", List.of(instruction)));

      assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).as(path).containsEntry("message", PersonsCommands.DIRECT_VARIABLES);
    }
    assertThat(driver.task(pathway).getTaskDefinitionKey()).isEqualTo(ChildPathway.TASK_REVIEW_LISTING);
    assertNothingStored();
  }

  @Test
  void shouldRefuseEveryStartInstructionWithOrWithoutVariables() {
    long pathways = pathways();
    Map<String, Object> withNote = Map.of("type", "startBeforeActivity", "activityId", "EndEvent_CaseClosed",
        "variables", Map.of("ghiChu", Map.of("value", secret)));
    Map<String, Object> bare = Map.of("type", "startBeforeActivity", "activityId", ChildPathway.TASK_REVIEW_LISTING);

    for (String user : List.of("cbmaipha", "quantri")) {
      for (Map<String, Object> instruction : List.of(withNote, bare)) {
        ResponseEntity<Map<String, Object>> refused = post(user,
            "/engine-rest/process-definition/key/child-pathway/start",
            Map.of("startInstructions", List.of(instruction)));

        assertThat(refused.getStatusCode()).as(user + " " + instruction).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).as(user).containsEntry("message", PersonsCommands.START_ELSEWHERE);
      }
    }
    assertThat(pathways()).isEqualTo(pathways);
    assertNothingStored();
  }

  @Test
  void shouldRefuseCommentsAndAttachments() {
    ProcessInstance pathway = driver.listEligibleChild();
    Task review = driver.task(pathway);
    long attachments = jdbc.queryForObject("select count(*) from ACT_HI_ATTACHMENT", Long.class);

    ResponseEntity<Map<String, Object>> comment = post("cvldtbxh", "/engine-rest/task/" + review.getId()
        + "/comment/create", Map.of("message", secret, "processInstanceId", pathway.getId()));
    MultiValueMap<String, Object> file = new LinkedMultiValueMap<>();
    file.add("attachment-name", "ghi-chu.txt");
    file.add("attachment-description", secret);
    file.add("attachment-type", "text/plain");
    file.add("content", new ByteArrayResource(secret.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "ghi-chu.txt";
      }
    });
    HttpHeaders multipart = new HttpHeaders();
    multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<Map<String, Object>> attachment = http.withBasicAuth("cvldtbxh", "demo123").exchange(
        "/engine-rest/task/" + review.getId() + "/attachment/create", HttpMethod.POST,
        new HttpEntity<>(file, multipart), OBJECT);

    for (ResponseEntity<Map<String, Object>> refused : List.of(comment, attachment)) {
      assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).containsEntry("message", PersonsCommands.COMMENT_OR_ATTACHMENT);
    }
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_ATTACHMENT", Long.class)).isEqualTo(attachments);
    assertThat(engine.getTaskService().getTaskComments(review.getId())).isEmpty();
    assertNothingStored();
  }

  @Test
  void shouldRefuseEveryOtherCommandCarryingVariablesOrTextThroughTheJavaApi() {
    ProcessInstance pathway = driver.listEligibleChild();
    Task review = driver.task(pathway);
    String definition = pathway.getProcessDefinitionId();
    var runtime = engine.getRuntimeService();
    var tasks = engine.getTaskService();
    Map<String, Object> note = PathwayDriver.vars("ghiChu", secret);
    Map<String, Runnable> ways = new java.util.LinkedHashMap<>();
    ways.put("restart", () -> {
      // the public builder has no variables per instruction; the engine's command does
      var restart = (RestartProcessInstanceBuilderImpl) runtime.restartProcessInstances(definition)
          .processInstanceIds(pathway.getId()).startBeforeActivity(ChildPathway.TASK_REVIEW_LISTING);
      ((AbstractInstantiationCmd) restart.getInstructions().get(0)).addVariables(note);
      restart.execute();
    });
    ways.put("migration", () -> runtime.createMigrationPlan(definition, definition).mapEqualActivities()
        .setVariables(Variables.fromMap(note)).build());
    ways.put("start condition", () -> runtime.createConditionEvaluation().setVariables(note).evaluateStartConditions());
    ways.put("message to an execution", () -> runtime.messageEventReceived(ChildPathway.MSG_CHILD_MOVED,
        pathway.getId(), note));
    ways.put("bpmn error", () -> tasks.handleBpmnError(review.getId(), "LOI", secret, note));
    ways.put("escalation", () -> tasks.handleEscalation(review.getId(), "Escalation_TaskOverdue", note));
    ways.put("task description", () -> {
      Task task = tasks.createTaskQuery().taskId(review.getId()).singleResult();
      task.setDescription(secret);
      tasks.saveTask(task);
    });
    ways.put("new task", () -> {
      Task task = tasks.newTask();
      task.setName(secret);
      tasks.saveTask(task);
    });
    ways.put("incident message", () -> runtime.createIncident("failedJob", pathway.getId(), "x", secret));
    ways.put("annotation of the operation log", () -> engine.getHistoryService().setAnnotationForOperationLogById(
        "khong-co", secret));
    ways.put("annotation of a modification", () -> runtime.createProcessInstanceModification(pathway.getId())
        .startBeforeActivity(ChildPathway.TASK_REVIEW_LISTING).setAnnotation(secret).execute());
    ways.put("decision", () -> engine.getDecisionService().evaluateDecisionTableByKey("task-routing", note));

    SoftAssertions each = new SoftAssertions();
    ways.forEach((way, work) -> each.assertThatThrownBy(() -> driver.as("quantri", () -> {
      work.run();
      return null;
    })).as(way).isInstanceOf(InvalidInputException.class));
    each.assertAll();
    assertNothingStored();

    // a follow-up date set in Tasklist sends the task back with its text unchanged: that still works
    driver.as("quantri", () -> {
      Task task = tasks.createTaskQuery().taskId(review.getId()).singleResult();
      task.setFollowUpDate(new java.util.Date());
      tasks.saveTask(task);
      return null;
    });
    assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getFollowUpDate()).isNotNull();
  }

  @Test
  void shouldLetTheApplicationItselfKeepWorking() {
    ProcessInstance pathway = driver.listEligibleChild();
    Task review = driver.task(pathway);

    // no user: the application's own code (timers, EngineSystem)
    Comment comment = engine.getTaskService().createComment(review.getId(), pathway.getId(), "Nhắc việc tự động");
    engine.getRuntimeService().createProcessInstanceModification(pathway.getId())
        .startBeforeActivity(ChildPathway.TASK_REVIEW_LISTING).setVariable("listingDecision", "ACCEPT").execute();

    assertThat(engine.getTaskService().getTaskComments(review.getId())).extracting(Comment::getId)
        .contains(comment.getId());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pathway.getId()).count()).isEqualTo(2);
    engine.getRuntimeService().deleteProcessInstance(pathway.getId(), "test");
  }

  private long pathways() {
    return jdbc.queryForObject("select count(*) from ACT_HI_PROCINST", Long.class);
  }

  private void assertNothingStored() {
    assertThat(EngineTraces.columnsHolding(jdbc, secret, "ghiChu")).isEmpty();
  }

  private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
    return http.withBasicAuth(user, "demo123").exchange(path, HttpMethod.POST,
        body == null ? null : new HttpEntity<>(body), OBJECT);
  }
}
