package vn.nangbuoc.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
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
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.input.ErrorAnswers;

/**
 * Only the group routing chose gives a pathway task's work and its child's data. Nobody, an administrator neither,
 * adds a candidate group or person to a task or gives it to someone outside that group, through the engine's REST
 * API (Tasklist and Cockpit use it); and a link made anyway (before the upgrade, or by the system) gives nothing:
 * not the task form's child, not the completion, not the case page of another commune.
 */
@NangBuocSpringTest
class HandAddedWorkersTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };
  /** The group routing chooses for the review of a Mai Pha listing, and one of its members. */
  private static final String ROUTED = "ldtbxhTpLangSon";
  private static final String WORKER = "cvldtbxh";
  /**
   * A member of each kind of group that is not the routed one: agencies serving Mai Pha too (the health centre's
   * doctors, the fund's accountants, the inspectorate's auditors, the finance office), another commune's office,
   * the administrators.
   */
  private static final Map<String, String> OUTSIDERS = outsiders();

  @Autowired
  TestRestTemplate http;
  @Autowired
  TaskService tasks;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void shouldRefuseAddingAnyCandidateOrGivingTheTaskOutsideTheRoutedGroupEvenToAnAdministrator() {
    String review = review(PathwayDriver.randomPersonalId());
    String link = "/engine-rest/task/" + review + "/identity-links";

    for (String group : OUTSIDERS.values()) {
      assertRefused(post("quantri", link, Map.of("groupId", group, "type", "candidate")), group);
    }
    assertRefused(post("quantri", link, Map.of("userId", "bsttyt", "type", "candidate")), "candidate user");
    assertRefused(post("quantri", link, Map.of("userId", "bsttyt", "type", "participant")), "participant");
    assertRefused(post("quantri", link, Map.of("userId", "bsttyt", "type", "assignee")), "assignee link");
    assertRefused(post("quantri", "/engine-rest/task/" + review + "/assignee", Map.of("userId", "bsttyt")),
        "assignee");
    assertRefused(post("quantri", "/engine-rest/task/" + review + "/claim", Map.of("userId", "cbhoangdong")),
        "claim for an outsider");
    assertRefused(post("quantri", "/engine-rest/task/" + review + "/delegate", Map.of("userId", "ktquy")),
        "delegate");
    Map<String, Object> update = new LinkedHashMap<>(get("quantri", "/engine-rest/task/" + review).getBody());
    update.keySet().retainAll(List.of("name", "description", "priority", "due", "followUp", "owner"));
    update.put("assignee", "thanhtra");
    assertRefused(as("quantri").exchange("/engine-rest/task/" + review, HttpMethod.PUT, new HttpEntity<>(update),
        String.class), "saved with an outsider as assignee");

    assertThat(tasks.getIdentityLinksForTask(review)).extracting(IdentityLink::getGroupId).containsExactly(ROUTED);
    assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee()).isNull();
    for (String outsider : List.of("bsttyt", "ktquy", "thanhtra", "cbhoangdong")) {
      assertThat(as(outsider).exchange("/engine-rest/task?maxResults=50&processInstanceId=" + instanceOf(review),
          HttpMethod.GET, null, LIST).getBody()).as(outsider).isEmpty();
    }
    // the routed group's members still claim it, are given it, and do it
    assertThat(post("quantri", "/engine-rest/task/" + review + "/assignee", Map.of("userId", WORKER))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(submit(WORKER, review).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void shouldGiveNeitherTheChildNorTheWorkToLinksRoutingDidNotMake() {
    String personalId = PathwayDriver.randomPersonalId();
    String review = review(personalId);
    // links made where the product does not check them (before the upgrade, by the system): the engine grants
    // every one of them the task
    OUTSIDERS.values().forEach(group -> tasks.addCandidateGroup(review, group));
    tasks.addCandidateUser(review, "cvtaichinh");

    for (String outsider : List.of("bsttyt", "ktquy", "thanhtra", "cvtaichinh", "cbhoangdong", "quantri")) {
      ResponseEntity<Map<String, Object>> form = get(outsider, "/engine-rest/task/" + review + "/form-variables");
      if (form.getStatusCode().is2xxSuccessful()) {
        assertThat(form.getBody().keySet()).as(outsider)
            .noneMatch(name -> name.startsWith("case_") || name.startsWith("record_"));
      }
      assertThat(String.valueOf(form.getBody())).as(outsider).doesNotContain(personalId, "Thảo");
      ResponseEntity<String> done = submit(outsider, review);
      assertThat(done.getStatusCode()).as(outsider).isIn(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN);
      assertThat(done.getBody()).as(outsider).containsAnyOf("Bạn không thuộc cơ quan được giao công việc này",
          ErrorAnswers.FORBIDDEN).doesNotContain(personalId, "Thảo");
    }
    PageBrowser browser = new PageBrowser(http);
    ResponseEntity<String> casePage = browser.get(browser.login("cbhoangdong"), "/ho-so/" + caseOf(review));
    assertThat(casePage.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(casePage.getBody()).doesNotContain("Thảo", personalId);

    assertThat(get(WORKER, "/engine-rest/task/" + review + "/form-variables").getBody())
        .containsKeys("case_header", "case_childName");
    assertThat(submit(WORKER, review).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void shouldGiveNoWorkToAnOutsiderTheTaskWasAssignedToByHand() {
    String personalId = PathwayDriver.randomPersonalId();
    String review = review(personalId);
    tasks.setAssignee(review, "bsttyt");

    ResponseEntity<Map<String, Object>> form = get("bsttyt", "/engine-rest/task/" + review + "/form-variables");
    ResponseEntity<String> done = submit("bsttyt", review);

    assertThat(form.getBody().keySet()).noneMatch(name -> name.startsWith("case_") || name.startsWith("record_"));
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(done.getBody()).contains("Bạn không thuộc cơ quan được giao công việc này")
        .doesNotContain(personalId, "Thảo");
    assertThat(post("bsttyt", "/engine-rest/task/" + review + "/unclaim", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(submit(WORKER, review).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private static Map<String, String> outsiders() {
    Map<String, String> outsiders = new LinkedHashMap<>();
    outsiders.put("bsttyt", "ttytTpLangSon");
    outsiders.put("ktquy", "quyBttTpLangSon");
    outsiders.put("thanhtra", "thanhtraTpLangSon");
    outsiders.put("cbhoangdong", "ubndHoangDong");
    outsiders.put("quantri", "camunda-admin");
    return outsiders;
  }

  private static void assertRefused(ResponseEntity<String> answer, String what) {
    assertThat(answer.getStatusCode()).as(what).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(answer.getBody()).as(what).contains(ErrorAnswers.FORBIDDEN);
  }

  /** A Mai Pha child listed through the API, waiting for the labour office's review; the review's task. */
  private String review(String personalId) {
    Map<String, Object> body = Map.of("fullName", "Hoàng Thị Thảo", "dateOfBirth", "01/02/2021", "sex", "FEMALE",
        "address", "Thôn Nà Sèn", "conditionGroup", "EYE", "caregiverName", "Hoàng Văn Hải",
        "caregiverRelation", "FATHER", "caregiverPhone", "0912345678", "personalId", personalId);
    ResponseEntity<Map<String, Object>> created = as("cbmaipha").exchange("/api/cases", HttpMethod.POST,
        new HttpEntity<>(body), OBJECT);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return tasks.createTaskQuery().processInstanceId((String) created.getBody().get("processInstanceId"))
        .singleResult().getId();
  }

  private String instanceOf(String taskId) {
    return tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
  }

  private long caseOf(String taskId) {
    return jdbc.queryForObject("select id from case_file where process_instance_id = ?", Long.class,
        instanceOf(taskId));
  }

  private ResponseEntity<String> submit(String user, String task) {
    Map<String, Object> decision = Map.of("listingDecision", Map.of("value", "RETURN"),
        "record_reviewNote", Map.of("value", "Thiếu giấy khai sinh"));
    return as(user).exchange("/engine-rest/task/" + task + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", decision)), String.class);
  }

  private ResponseEntity<String> post(String user, String path, Map<String, Object> body) {
    return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), String.class);
  }

  private ResponseEntity<Map<String, Object>> get(String user, String path) {
    return as(user).exchange(path, HttpMethod.GET, null, OBJECT);
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo123");
  }
}
