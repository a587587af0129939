package vn.nangbuoc.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.WebappSession;

/**
 * A task's form shows its child only to the groups the task is routed to: an administrator (who
 * reads every task) gets the engine's own values and nothing of the child, on every channel.
 */
@NangBuocSpringTest
class TaskFormContextFilterTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void shouldGiveTheChildsIdentityOnlyToTheGroupTheListingWasReturnedTo() {
    String personalId = PathwayDriver.randomPersonalId();
    Map<String, Object> child = listChild(personalId);
    String pathway = (String) child.get("processInstanceId");
    submit("cvldtbxh", task("cvldtbxh", pathway), Map.of("listingDecision", "RETURN",
        "record_reviewNote", "Thiếu giấy khai sinh"));
    String returned = task("cbmaipha", pathway);

    Map<String, Object> worker = get("cbmaipha", "/engine-rest/task/" + returned + "/form-variables").getBody();
    ResponseEntity<Map<String, Object>> admin = get("quantri", "/engine-rest/task/" + returned + "/form-variables");

    assertThat(worker).containsKeys("case_header", "record_fullName", "record_personalId", "record_caregiverPhone");
    assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(admin.getBody().keySet()).noneMatch(name -> name.startsWith("case_") || name.startsWith("record_"));
    assertThat(admin.getBody().toString()).doesNotContain("Thảo", "0912345678", personalId);
    assertThat(readers((Number) child.get("id"))).contains("cbmaipha").doesNotContain("quantri");
  }

  @Test
  void shouldGiveAnApproversFormsChildOnlyToTheApprovers() {
    Map<String, Object> child = listChild(PathwayDriver.randomPersonalId());
    String pathway = (String) child.get("processInstanceId");
    String review = task("cvldtbxh", pathway);

    assertThat(get("cvldtbxh", "/engine-rest/task/" + review + "/form-variables").getBody()).containsKey("case_header");
    for (String path : List.of("/engine-rest/task/" + review + "/form-variables",
        "/engine-rest/task/" + review + "/variables",
        "/engine-rest/task/" + review + "/form-variables?deserializeValues=false")) {
      ResponseEntity<Map<String, Object>> admin = get("quantri", path);
      assertThat(admin.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
      assertThat(admin.getBody().keySet()).as(path)
          .noneMatch(name -> name.startsWith("case_") || name.startsWith("record_"));
    }
    assertThat(get("quantri", "/engine-rest/task/" + review + "/variables/record_fullName").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("quantri", "/engine-rest/process-definition/key/child-pathway/form-variables").getBody().keySet())
        .noneMatch(name -> name.startsWith("record_"));
  }

  @Test
  void shouldGiveNothingOfTheChildToGroupsAddedToATaskByHand() {
    String personalId = PathwayDriver.randomPersonalId();
    Map<String, Object> child = listChild(personalId);
    String review = task("cvldtbxh", (String) child.get("processInstanceId"));
    // the administrators' group, and the office of another area, put on the task outside routing
    for (String group : List.of("camunda-admin", "ubndHoangDong")) {
      as("quantri").postForEntity("/engine-rest/task/" + review + "/identity-links",
          Map.of("groupId", group, "type", "candidate"), String.class);
    }

    for (String user : List.of("quantri", "cbhoangdong")) {
      ResponseEntity<Map<String, Object>> form = get(user, "/engine-rest/task/" + review + "/form-variables");
      if (form.getStatusCode().is2xxSuccessful()) {
        assertThat(form.getBody().keySet()).as(user)
            .noneMatch(name -> name.startsWith("case_") || name.startsWith("record_"));
        assertThat(form.getBody().toString()).as(user).doesNotContain(personalId);
      }
      Map<String, Object> decision = Map.of("listingDecision", Map.of("value", "ACCEPT"));
      assertThat(as(user).exchange("/engine-rest/task/" + review + "/submit-form", HttpMethod.POST,
          new HttpEntity<>(Map.of("variables", decision)), String.class).getStatusCode()).as(user)
          .isNotEqualTo(HttpStatus.NO_CONTENT);
    }
    assertThat(readers((Number) child.get("id"))).doesNotContain("quantri", "cbhoangdong");
    assertThat(get("cvldtbxh", "/engine-rest/task/" + review + "/form-variables").getBody()).containsKey("case_header");
  }

  @Test
  void shouldGiveTheChildOnlyToTheTasksGroupThroughTasklistsOwnApiToo() {
    String review = task("cvldtbxh", (String) listChild(PathwayDriver.randomPersonalId()).get("processInstanceId"));
    String path = "/camunda/api/engine/engine/default/task/" + review + "/form-variables";

    Map<String, Object> worker = tasklist("cvldtbxh", path);
    Map<String, Object> admin = tasklist("quantri", path);

    assertThat(worker).containsKey("case_header");
    assertThat(admin).isNotNull();
    assertThat(admin.keySet()).noneMatch(name -> name.startsWith("case_") || name.startsWith("record_"));
  }

  /** Signs in as the browser does (the one login, then Tasklist's CSRF token) and reads what Tasklist reads. */
  private Map<String, Object> tasklist(String user, String path) {
    WebappSession session = WebappSession.signIn(http, user);
    ResponseEntity<Map<String, Object>> answer = http.exchange(path, HttpMethod.GET,
        new HttpEntity<>(session.headers()), OBJECT);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private List<String> readers(Number caseId) {
    return jdbc.queryForList("select user_id from case_access_log where case_id = ? and channel = 'TASK_FORM'",
        String.class, caseId.longValue());
  }

  private Map<String, Object> listChild(String personalId) {
    Map<String, Object> body = Map.of("fullName", "Hoàng Thị Thảo", "dateOfBirth", "01/02/2021", "sex", "FEMALE",
        "address", "Thôn Nà Sèn", "conditionGroup", "EYE", "caregiverName", "Hoàng Văn Hải",
        "caregiverRelation", "FATHER", "caregiverPhone", "0912345678", "personalId", personalId);
    ResponseEntity<Map<String, Object>> created = as("cbmaipha").exchange("/api/cases", HttpMethod.POST,
        new HttpEntity<>(body), OBJECT);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return created.getBody();
  }

  private String task(String user, String pathway) {
    List<Map<String, Object>> tasks = as(user).exchange("/engine-rest/task?maxResults=5&processInstanceId=" + pathway,
        HttpMethod.GET, null, LIST).getBody();
    assertThat(tasks).hasSize(1);
    return (String) tasks.get(0).get("id");
  }

  private void submit(String user, String task, Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    assertThat(as(user).exchange("/engine-rest/task/" + task + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", typed)), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return as(user).exchange(path, HttpMethod.GET, null, OBJECT);
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo123");
  }
}
