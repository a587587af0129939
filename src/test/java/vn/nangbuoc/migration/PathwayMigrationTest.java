package vn.nangbuoc.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.fund.FundReceipts;
import vn.nangbuoc.fund.ReceiptKind;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.pathway.PathwayEvents;

/**
 * Next year's model for running cases: pathways waiting at every user task and event of the pathway move to a
 * changed version through the administrators' API, keep their task, group, due date, variables and timers, and
 * go on on the new version.
 */
@NangBuocSpringTest
class PathwayMigrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String API = "/api/admin/pathway-migrations";

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  PathwayEvents events;
  @Autowired
  FundBooks ledger;
  @Autowired
  FundReceipts receipts;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  TestRestTemplate http;

  PathwayDriver driver;
  WaitingPathways waiting;
  NextYearsModel model;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new PathwayDriver(engine, listing);
    waiting = new WaitingPathways(driver);
    model = new NextYearsModel(engine);
  }

  @AfterEach
  void restore() {
    ClockUtil.reset();
    model.restore();
  }

  /** What a migration must keep of a waiting pathway. */
  record Snapshot(String waitState, String taskId, List<String> groups, Date due, Map<String, Object> variables,
      Map<String, Date> timers, int jobs) {
  }

  @Test
  void shouldMoveEveryWaitingPathwayToTheNewVersionKeepingItsTaskAndLetItGoOn() throws Exception {
    Map<String, ProcessInstance> pathways = new LinkedHashMap<>();
    WaitingPathways.WAIT_STATES.forEach(state -> pathways.put(state, waiting.waitingAt(state)));
    Map<String, Snapshot> before = new LinkedHashMap<>();
    pathways.forEach((state, p) -> before.put(state, snapshot(state, p)));
    ProcessDefinition shipped = model.shipped();
    ProcessDefinition next = model.deploy(NextYearsModel::renamed);

    JsonNode preview = json(send("quantri", HttpMethod.GET, API + "?fromVersion=" + shipped.getVersion(), null),
        HttpStatus.OK);
    assertThat(preview.get("toVersion").asInt()).isEqualTo(next.getVersion());
    assertThat(preview.get("planProblems")).isEmpty();
    assertThat(preview.get("summary").asText()).contains("sẽ được chuyển sang phiên bản " + next.getVersion());
    List<String> refusedIds = new ArrayList<>();
    preview.get("refusedListed").forEach(r -> refusedIds.add(r.get("processInstanceId").asText()));
    assertThat(refusedIds).doesNotContainAnyElementsOf(pathways.values().stream().map(ProcessInstance::getId)
        .toList());
    Map<String, JsonNode> steps = new TreeMap<>();
    preview.get("steps").forEach(step -> steps.put(step.get("activityId").asText(), step));
    for (String state : WaitingPathways.WAIT_STATES) {
      assertThat(steps).as(state).containsKey(state);
      assertThat(steps.get(state).get("waiting").asInt()).as(state).isPositive();
      assertThat(steps.get(state).get("mapped").asBoolean()).as(state).isTrue();
      assertThat(steps.get(state).get("targetActivityId").asText()).isEqualTo(state);
    }
    assertThat(steps.get(ChildPathway.TASK_CLOSE_CASE).get("description").asText())
        .contains("chờ ở bước \"Đóng hồ sơ\": chuyển sang bước \"Đóng hồ sơ\" của phiên bản " + next.getVersion());

    JsonNode started = json(send("quantri", HttpMethod.POST, API, Map.of("fromVersion", shipped.getVersion())),
        HttpStatus.ACCEPTED);
    String batchId = started.get("batchId").asText();
    assertThat(started.get("instances").asInt()).isEqualTo(preview.get("migratable").asInt())
        .isGreaterThanOrEqualTo(pathways.size());
    assertThat(json(send("quantri", HttpMethod.GET, API + "/" + batchId, null), HttpStatus.OK)
        .get("finished").asBoolean()).isFalse();
    runBatch(batchId);
    JsonNode done = json(send("quantri", HttpMethod.GET, API + "/" + batchId, null), HttpStatus.OK);
    assertThat(done.get("finished").asBoolean()).isTrue();
    assertThat(done.get("done").asInt()).isEqualTo(done.get("jobs").asInt()).isPositive();
    assertThat(done.get("message").asText()).startsWith("Đã xong");

    for (Map.Entry<String, ProcessInstance> pathway : pathways.entrySet()) {
      ProcessInstance p = pathway.getValue();
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(p.getId()).singleResult()
          .getProcessDefinitionId()).as(pathway.getKey()).isEqualTo(next.getId());
      assertThat(p).isWaitingAt(pathway.getKey());
      assertThat(snapshot(pathway.getKey(), p)).as(pathway.getKey()).isEqualTo(before.get(pathway.getKey()));
      for (Job job : jobs(p)) {
        assertThat(engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
            .singleResult().getProcessDefinitionId()).as(pathway.getKey()).isEqualTo(next.getId());
      }
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(p.getId()).singleResult();
      if (task != null) {
        assertThat(task.getProcessDefinitionId()).isEqualTo(next.getId());
      }
    }
    JsonNode run = json(send("thanhtra", HttpMethod.GET, API, null), HttpStatus.OK).get(0);
    assertThat(run.get("userId").asText()).isEqualTo("quantri");
    assertThat(run.get("fromVersion").asInt()).isEqualTo(shipped.getVersion());
    assertThat(run.get("toVersion").asInt()).isEqualTo(next.getVersion());
    assertThat(run.get("instances").asInt()).isEqualTo(started.get("instances").asInt());
    assertThat(run.get("note").asText()).contains(batchId);

    goOnOnTheNewVersion(pathways, next);
  }

  @Test
  void shouldLeaveAPathwayWhoseStepTheNewVersionLacksOnItsVersionAndSayWhy() throws Exception {
    ProcessInstance closing = waiting.waitingAt(ChildPathway.TASK_CLOSE_CASE);
    ProcessInstance screening = waiting.waitingAt(ChildPathway.TASK_RECORD_SCREENING);
    ProcessDefinition shipped = model.shipped();
    ProcessDefinition next = model.deploy(xml -> xml.replace("Task_CloseCase", "Task_CloseCaseNextYear"));

    JsonNode preview = json(send("quantri", HttpMethod.GET, API + "?fromVersion=" + shipped.getVersion(), null),
        HttpStatus.OK);
    JsonNode closeStep = null;
    for (JsonNode step : preview.get("steps")) {
      if (step.get("activityId").asText().equals(ChildPathway.TASK_CLOSE_CASE)) {
        closeStep = step;
      }
    }
    assertThat(closeStep).isNotNull();
    assertThat(closeStep.get("mapped").asBoolean()).isFalse();
    assertThat(closeStep.get("description").asText()).contains("không có bước tương ứng");
    JsonNode refusal = null;
    for (JsonNode refused : preview.get("refusedListed")) {
      if (refused.get("processInstanceId").asText().equals(closing.getId())) {
        refusal = refused;
      }
    }
    assertThat(refusal).isNotNull();
    assertThat(refusal.get("reasons").get(0).asText()).isEqualTo("Bước " + ChildPathway.TASK_CLOSE_CASE
        + ": bước đang chờ không có bước tương ứng (cùng mã, cùng loại) trong phiên bản mới");
    assertThat(preview.get("refused").asInt()).isPositive();

    JsonNode started = json(send("quantri", HttpMethod.POST, API, Map.of("fromVersion", shipped.getVersion())),
        HttpStatus.ACCEPTED);
    assertThat(started.get("refused").asInt()).isEqualTo(preview.get("refused").asInt());
    runBatch(started.get("batchId").asText());

    assertThat(definitionOf(closing)).isEqualTo(shipped.getId());
    assertThat(definitionOf(screening)).isEqualTo(next.getId());
    assertThat(closing).isWaitingAt(ChildPathway.TASK_CLOSE_CASE);
  }

  @Test
  void shouldAnswerOnlyAdministratorsInVietnamese() throws Exception {
    int shipped = model.shipped().getVersion();
    assertThat(json(send("cbmaipha", HttpMethod.GET, API + "?fromVersion=" + shipped, null), HttpStatus.FORBIDDEN)
        .get("message").asText()).isEqualTo("Chỉ quản trị viên được chuyển lộ trình đang chạy sang phiên bản mới.");
    assertThat(json(send("thanhtra", HttpMethod.POST, API, Map.of("fromVersion", shipped)), HttpStatus.FORBIDDEN)
        .get("message").asText()).startsWith("Chỉ quản trị viên");
    assertThat(json(send("cbmaipha", HttpMethod.GET, API, null), HttpStatus.FORBIDDEN).get("message").asText())
        .startsWith("Chỉ quản trị viên và thanh tra");
    assertThat(json(send("quantri", HttpMethod.GET, API + "?fromVersion=abc", null), HttpStatus.BAD_REQUEST)
        .get("message").asText()).isEqualTo("Phiên bản cần chuyển (fromVersion) phải là số nguyên.");
    assertThat(json(send("quantri", HttpMethod.POST, API, Map.of()), HttpStatus.BAD_REQUEST)
        .get("message").asText()).isEqualTo("Chưa nhập phiên bản cần chuyển (fromVersion).");
    assertThat(json(send("quantri", HttpMethod.GET, API + "?fromVersion=" + shipped, null), HttpStatus.BAD_REQUEST)
        .get("message").asText()).contains("là phiên bản mới nhất");
    assertThat(json(send("quantri", HttpMethod.GET, API + "?fromVersion=999", null), HttpStatus.NOT_FOUND)
        .get("message").asText()).isEqualTo("Không có phiên bản 999 của lộ trình hỗ trợ trẻ.");
    assertThat(json(send("quantri", HttpMethod.GET, API + "/khong-co", null), HttpStatus.NOT_FOUND)
        .get("message").asText()).isEqualTo("Không có đợt chuyển lộ trình khong-co.");
  }

  private String definitionOf(ProcessInstance p) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(p.getId()).singleResult()
        .getProcessDefinitionId();
  }

  /** The escalation timer, a message, a follow-up timer, a withdrawal and a closure, all on the new version. */
  private void goOnOnTheNewVersion(Map<String, ProcessInstance> pathways, ProcessDefinition next) {
    ProcessInstance screening = pathways.get(ChildPathway.TASK_RECORD_SCREENING);
    Task task = driver.task(screening);
    Job escalation = engine.getManagementService().createJobQuery().processInstanceId(screening.getId()).timers()
        .activityId(ChildPathway.TASK_RECORD_SCREENING).singleResult();
    ClockUtil.setCurrentTime(new Date(task.getDueDate().getTime() + 60_000));
    engine.getManagementService().executeJob(escalation.getId());
    ClockUtil.reset();
    assertThat(driver.task(screening).getPriority()).isEqualTo(75);
    assertThat(jdbc.sql("select count(*) from task_escalation where task_id = ?").param(task.getId())
        .query(Integer.class).single()).isEqualTo(1);

    ProcessInstance inLine = pathways.get(WaitingPathways.FUNDS_RESERVED);
    receipts.receive(ledger.fundServing("MAIPHA"), ReceiptKind.DONATION, 1_000_000_000L, "Hội Chữ thập đỏ tỉnh",
        null, LocalDate.now(), "cvtaichinh");
    assertThat(inLine).isWaitingAt(ChildPathway.TASK_RECORD_DISBURSEMENT).hasPassed(WaitingPathways.FUNDS_RESERVED);
    assertThat(driver.task(inLine).getProcessDefinitionId()).isEqualTo(next.getId());
    assertThat(groups(driver.task(inLine).getId())).isNotEmpty();
    // a task the new version creates where pathways were migrated still gets its escalation (KeptTimeoutDeclarations)
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(inLine.getId()).timers()
        .activityId(ChildPathway.TASK_RECORD_DISBURSEMENT).count()).isEqualTo(1);

    ProcessInstance followUp = pathways.get(WaitingPathways.FOLLOW_UP_DUE);
    driver.executeOnlyJob(followUp);
    assertThat(followUp).isWaitingAt(ChildPathway.TASK_FOLLOW_UP_VISIT);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(followUp.getId()).timers()
        .activityId(ChildPathway.TASK_FOLLOW_UP_VISIT).count()).isEqualTo(1);

    ProcessInstance review = pathways.get(ChildPathway.TASK_REVIEW_LISTING);
    events.familyWithdrew(caseFiles.getByProcessInstance(review.getId()).id(), "Gia đình chuyển vào Nam làm ăn",
        "cbmaipha");
    assertThat(review).isEnded().hasPassed("Task_RecordWithdrawal");

    ProcessInstance closing = pathways.get(ChildPathway.TASK_CLOSE_CASE);
    driver.close(closing, "NO_INDICATION");
    assertThat(closing).isEnded().hasPassed("Task_RecordClosure", "EndEvent_CaseClosed");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(closing.getId())
        .singleResult().getProcessDefinitionId()).isEqualTo(next.getId());
    assertThat(caseFiles.getByProcessInstance(closing.getId()).closureOutcome()).isEqualTo("NO_INDICATION");
  }

  private Snapshot snapshot(String state, ProcessInstance p) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(p.getId()).singleResult();
    Map<String, Object> variables = new TreeMap<>();
    for (VariableInstance variable : engine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(p.getId()).list()) {
      variables.put(variable.getName() + (variable.getExecutionId().equals(p.getId()) ? "" : " @" + variable
          .getExecutionId()), variable.getValue());
    }
    Map<String, Date> timers = new TreeMap<>();
    jobs(p).forEach(job -> timers.put(engine.getManagementService().createJobDefinitionQuery()
        .jobDefinitionId(job.getJobDefinitionId()).singleResult().getJobType() + " " + activityOf(job), job
        .getDuedate()));
    // every task has its escalation timer, the timer events theirs; only the message event has none
    assertThat(timers.isEmpty()).as(state).isEqualTo(state.equals(WaitingPathways.FUNDS_RESERVED));
    return new Snapshot(state, task == null ? null : task.getId(), task == null ? List.of() : groups(task.getId()),
        task == null ? null : task.getDueDate(), variables, timers, jobs(p).size());
  }

  private String activityOf(Job job) {
    return engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
        .singleResult().getActivityId();
  }

  private List<Job> jobs(ProcessInstance p) {
    return engine.getManagementService().createJobQuery().processInstanceId(p.getId()).list();
  }

  private List<String> groups(String taskId) {
    return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(link -> link.getGroupId()).sorted().toList();
  }

  /** The job executor is off in tests: the seed, migration and monitor jobs of the batch, until it is done. */
  private void runBatch(String batchId) {
    ManagementService management = engine.getManagementService();
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    for (int round = 0; round < 100 && management.createBatchQuery().batchId(batchId).count() > 0; round++) {
      List<Job> jobs = new ArrayList<>(management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId())
          .list());
      jobs.addAll(management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list());
      if (jobs.isEmpty()) {
        jobs.addAll(management.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).list());
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    assertThat(management.createBatchQuery().batchId(batchId).count()).isZero();
  }

  private ResponseEntity<String> send(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo123").exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private static JsonNode json(ResponseEntity<String> answer, HttpStatus expected) throws Exception {
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(expected);
    return JSON.readTree(answer.getBody());
  }
}
