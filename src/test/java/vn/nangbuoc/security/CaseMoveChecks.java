package vn.nangbuoc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A child moves from Mai Pha to Hoàng Đồng: afterwards no authorization row of the case (its instance,
 * its history, its open and finished tasks) names a group or a user of Mai Pha, at each wait state
 * reachable cheaply, and Mai Pha's caseworker can neither read, claim nor look back at it.
 */
abstract class CaseMoveChecks {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };
  /** Mai Pha's own: its People's Committee group and its caseworker. */
  private static final Set<String> OLD_AREA = Set.of("ubndMaiPha", "cbmaipha");

  @Autowired
  TestRestTemplate http;
  @Autowired
  AuthorizationService authorizations;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;

  @Test
  void shouldLeaveNoRightOfTheOldCommuneWhileTheListingIsReviewed() {
    Map<String, Object> child = listMaiPhaChild();

    assertMoveTakesEveryRight(child);
  }

  @Test
  void shouldLeaveNoRightOfTheOldCommuneOnAReturnedListingItsCaseworkerClaimed() {
    Map<String, Object> child = listMaiPhaChild();
    String pathway = (String) child.get("processInstanceId");
    submit("cvldtbxh", pathway, Map.of("listingDecision", "RETURN", "record_reviewNote", "Thiếu giấy khai sinh"));
    String returned = taskOf("cbmaipha", pathway);
    claim("cbmaipha", returned);
    assertThat(rowsNamingTheOldArea(pathway)).as("before the move").isNotEmpty();

    assertMoveTakesEveryRight(child);

    assertThat(taskService.createTaskQuery().taskId(returned).singleResult().getAssignee()).isNull();
    assertThat(taskService.createTaskQuery().taskId(returned).taskCandidateGroup("ubndHoangDong").count()).isOne();
    assertThat(get("cbhoangdong", "/engine-rest/task/" + returned + "/form-variables").getBody())
        .containsKey("case_header");
  }

  @Test
  void shouldLeaveNoRightOfTheOldCommuneOnTheTasksItFinished() {
    Map<String, Object> child = listMaiPhaChild();
    String pathway = (String) child.get("processInstanceId");
    submit("cvldtbxh", pathway, Map.of("listingDecision", "RETURN", "record_reviewNote", "Thiếu giấy khai sinh"));
    claim("cbmaipha", taskOf("cbmaipha", pathway));
    submit("cbmaipha", pathway, Map.of("record_fullName", "Vi Thị Thảo", "record_dateOfBirth", "2021-02-01",
        "record_sex", "FEMALE", "record_address", "Thôn Nà Sèn", "record_conditionGroup", "EYE",
        "record_caregiverName", "Vi Văn Hải", "record_caregiverRelation", "FATHER"));
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pathway).finished().count())
        .isEqualTo(2);

    assertMoveTakesEveryRight(child);

    assertThat(list("cbmaipha", "/engine-rest/history/task?maxResults=50&processInstanceId=" + pathway)).isEmpty();
    assertThat(list("cbhoangdong", "/engine-rest/history/task?maxResults=50&processInstanceId=" + pathway))
        .hasSize(3);
  }

  private void assertMoveTakesEveryRight(Map<String, Object> child) {
    String pathway = (String) child.get("processInstanceId");
    assertThat(rowsNamingTheOldArea(pathway)).as("before the move").isNotEmpty();
    List<String> openTasks = taskService.createTaskQuery().processInstanceId(pathway).list().stream()
        .map(task -> task.getId()).toList();

    assertThat(post("cvldtbxh", "/api/cases/" + child.get("id") + "/move", Map.of("communeCode", "HOANGDONG")))
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(rowsNamingTheOldArea(pathway)).as("after the move").isEmpty();
    for (String task : openTasks) {
      ResponseEntity<Map<String, Object>> form = get("cbmaipha", "/engine-rest/task/" + task + "/form-variables");
      assertThat(form.getStatusCode().is2xxSuccessful()).as("form variables").isFalse();
      assertThat(post("cbmaipha", "/engine-rest/task/" + task + "/claim", Map.of("userId", "cbmaipha"))
          .is2xxSuccessful()).as("claim").isFalse();
      assertThat(get("cbmaipha", "/engine-rest/task/" + task + "/variables").getStatusCode().is2xxSuccessful())
          .as("variables").isFalse();
    }
    assertThat(list("cbmaipha", "/engine-rest/task?maxResults=50&processInstanceId=" + pathway)).isEmpty();
    assertThat(list("cbmaipha", "/engine-rest/history/task?maxResults=50&processInstanceId=" + pathway)).isEmpty();
    assertThat(list("cbmaipha", "/engine-rest/history/activity-instance?maxResults=50&processInstanceId=" + pathway))
        .isEmpty();
    assertThat(list("cbmaipha", "/engine-rest/history/process-instance?maxResults=5&processInstanceId=" + pathway))
        .isEmpty();
    assertThat(get("cbmaipha", "/api/cases/" + child.get("id")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  /** Every authorization row of the case: instance, history, open and finished tasks. */
  private List<String> rowsNamingTheOldArea(String pathway) {
    Map<Resource, List<String>> resources = new LinkedHashMap<>();
    resources.put(Resources.PROCESS_INSTANCE, List.of(pathway));
    resources.put(Resources.HISTORIC_PROCESS_INSTANCE, List.of(pathway));
    resources.put(Resources.TASK, taskService.createTaskQuery().processInstanceId(pathway).list().stream()
        .map(task -> task.getId()).toList());
    resources.put(Resources.HISTORIC_TASK, historyService.createHistoricTaskInstanceQuery().processInstanceId(pathway)
        .list().stream().map(HistoricTaskInstance::getId).toList());
    List<String> rows = new ArrayList<>();
    resources.forEach((resource, ids) -> ids.forEach(id -> {
      for (Authorization row : authorizations.createAuthorizationQuery().resourceType(resource).resourceId(id).list()) {
        if (OLD_AREA.contains(String.valueOf(row.getGroupId())) || OLD_AREA.contains(String.valueOf(row.getUserId()))) {
          rows.add(resource.resourceName() + " " + id + " " + row.getGroupId() + "/" + row.getUserId());
        }
      }
    }));
    return rows;
  }

  private Map<String, Object> listMaiPhaChild() {
    Map<String, Object> body = Map.of("fullName", "Vi Thị Thảo", "dateOfBirth", "01/02/2021", "sex", "FEMALE",
        "address", "Thôn Nà Sèn", "conditionGroup", "EYE", "caregiverName", "Vi Văn Hải",
        "caregiverRelation", "FATHER", "newChildConfirmed", true); // the same child in every test, each a new one
    ResponseEntity<Map<String, Object>> created = as("cbmaipha").exchange("/api/cases", HttpMethod.POST,
        new HttpEntity<>(body), OBJECT);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody();
  }

  private String taskOf(String user, String pathway) {
    List<Map<String, Object>> tasks = list(user, "/engine-rest/task?maxResults=5&processInstanceId=" + pathway);
    assertThat(tasks).hasSize(1);
    return (String) tasks.get(0).get("id");
  }

  private void claim(String user, String task) {
    assertThat(post(user, "/engine-rest/task/" + task + "/claim", Map.of("userId", user)))
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private void submit(String user, String pathway, Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    ResponseEntity<String> done = as(user).exchange("/engine-rest/task/" + taskOf(user, pathway) + "/submit-form",
        HttpMethod.POST, new HttpEntity<>(Map.of("variables", typed)), String.class);
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private List<Map<String, Object>> list(String user, String path) {
    ResponseEntity<List<Map<String, Object>>> answer = as(user).exchange(path, HttpMethod.GET, null, LIST);
    return answer.getStatusCode().is2xxSuccessful() ? answer.getBody() : List.of();
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return as(user).exchange(path, HttpMethod.GET, null, OBJECT);
  }

  private HttpStatus post(String user, String path, Object body) {
    return HttpStatus.valueOf(as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), String.class)
        .getStatusCode().value());
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo123");
  }
}
