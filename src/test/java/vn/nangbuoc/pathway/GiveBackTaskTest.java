package vn.nangbuoc.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.nangbuoc.NangBuocSpringTest;

/**
 * "Trả việc" in Tasklist: whoever claimed a task gives it back to the group it was routed to, over the engine's
 * REST API as Tasklist does. Nobody else takes a claimed task from its assignee, and nobody hands a task to
 * another person.
 */
@NangBuocSpringTest
class GiveBackTaskTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate http;
  @Autowired
  TaskService taskService;
  @Autowired
  AuthorizationService authorizations;

  String task;

  @BeforeEach
  void listAChildWhoseReviewGoesToTheLabourOffice() {
    Map<String, Object> child = Map.of("fullName", "Lục Văn Toàn", "dateOfBirth", "03/04/2022", "sex", "MALE",
        "address", "Thôn Nà Pàn", "conditionGroup", "MOTOR", "caregiverName", "Lục Thị Hoa",
        "caregiverRelation", "MOTHER", "newChildConfirmed", true); // the same child before each test
    ResponseEntity<Map<String, Object>> created = as("cbmaipha").exchange("/api/cases", HttpMethod.POST,
        new HttpEntity<>(child), OBJECT);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    task = taskService.createTaskQuery().processInstanceId((String) created.getBody().get("processInstanceId"))
        .singleResult().getId();
    assertThat(post("cvldtbxh", "claim", Map.of("userId", "cvldtbxh")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void shouldGiveAClaimedTaskBackToTheGroupItWasRoutedTo() {
    List<String> groupsBefore = candidateGroups();
    assertThat(ownRightsOnTheTask("cvldtbxh")).as("the claim's own right").isPositive();

    ResponseEntity<String> givenBack = post("cvldtbxh", "unclaim", null);

    assertThat(givenBack.getStatusCode()).as(givenBack.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(assignee()).isNull();
    assertThat(ownRightsOnTheTask("cvldtbxh")).as("rights left to whoever gave it back").isZero();
    assertThat(candidateGroups()).isEqualTo(groupsBefore).isNotEmpty();
    // back in the group's list, and claimed again by whoever takes it first
    assertThat(post("cvldtbxh", "claim", Map.of("userId", "cvldtbxh")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(assignee()).isEqualTo("cvldtbxh");
  }

  @Test
  void shouldLetNobodyElseTakeAClaimedTaskFromItsAssignee() {
    Map<String, Object> nobody = new HashMap<>();
    nobody.put("userId", null);
    Map<String, Object> accepted = Map.of("variables", Map.of("listingDecision", Map.of("value", "ACCEPT")));
    for (String other : List.of("tpldtbxh", "cbmaipha", "cbhoangdong", "cvtaichinh")) {
      for (Map.Entry<String, Object> attempt : List.of(Map.entry("unclaim", (Object) Map.of()),
          Map.entry("claim", (Object) Map.of()), Map.entry("claim", (Object) nobody),
          Map.entry("resolve", (Object) Map.of()), Map.entry("submit-form", (Object) accepted))) {
        ResponseEntity<String> refused = post(other, attempt.getKey(), attempt.getValue());

        assertThat(refused.getStatusCode().is2xxSuccessful()).as(other + " " + attempt + ": " + refused.getBody())
            .isFalse();
        assertThat(assignee()).as(other + " " + attempt).isEqualTo("cvldtbxh");
      }
    }
  }

  @Test
  void shouldLetNobodyHandATaskToAnotherPerson() {
    ResponseEntity<String> toTheHead = post("cvldtbxh", "assignee", Map.of("userId", "tpldtbxh"));
    ResponseEntity<String> toHimself = post("tpldtbxh", "assignee", Map.of("userId", "tpldtbxh"));
    post("cvldtbxh", "unclaim", null);
    ResponseEntity<String> claimedForTheHead = post("cvldtbxh", "claim", Map.of("userId", "tpldtbxh"));

    assertThat(toTheHead.getStatusCode().is2xxSuccessful()).as(toTheHead.getBody()).isFalse();
    assertThat(toHimself.getStatusCode().is2xxSuccessful()).as(toHimself.getBody()).isFalse();
    assertThat(claimedForTheHead.getStatusCode().is2xxSuccessful()).as(claimedForTheHead.getBody()).isFalse();
    assertThat(assignee()).isNull();
  }

  private long ownRightsOnTheTask(String user) {
    return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task).userIdIn(user)
        .count();
  }

  private String assignee() {
    return taskService.createTaskQuery().taskId(task).singleResult().getAssignee();
  }

  private List<String> candidateGroups() {
    return taskService.getIdentityLinksForTask(task).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  private ResponseEntity<String> post(String user, String action, Object body) {
    return as(user).exchange("/engine-rest/task/" + task + "/" + action, HttpMethod.POST, new HttpEntity<>(body),
        String.class);
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo123");
  }
}
