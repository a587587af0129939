package vn.nangbuoc.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
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
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.listing.ListingService;

/**
 * Item 9 of issue 17: a submission carrying a variable its form does not declare is refused with a
 * Vietnamese 400, on every way into the engine, and nothing of it reaches any engine table.
 */
@NangBuocSpringTest
class TaskTakesOnlyItsFieldsTest {

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
  void shouldRefuseAnUndeclaredFieldOnCompleteAndSubmitFormAndStoreNothing() {
    ProcessInstance pathway = driver.listEligibleChild();
    Task review = driver.task(pathway);

    for (String path : List.of("/complete", "/submit-form")) {
      ResponseEntity<Map<String, Object>> refused = post("cvldtbxh", "/engine-rest/task/" + review.getId() + path,
          Map.of("variables", typed(Map.of("listingDecision", "ACCEPT", "ghiChu", "Gia đình " + secret))));

      assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat((String) refused.getBody().get("message")).as(path)
          .isEqualTo("Công việc này không nhận trường \"ghiChu\": "
              + "chỉ gửi các trường của biểu mẫu. Không có gì được lưu.");
    }
    assertThat(driver.task(pathway).getId()).isEqualTo(review.getId());
    assertNothingStored();
  }

  @Test
  void shouldRefuseAnUndeclaredFieldThroughTheJavaApi() {
    ProcessInstance pathway = driver.listEligibleChild();

    assertThatThrownBy(() -> driver.complete("cvldtbxh", pathway, ChildPathway.TASK_REVIEW_LISTING,
        PathwayDriver.vars("listingDecision", "ACCEPT", "ghiChu", secret)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("\"ghiChu\"");
    assertNothingStored();
    // the declared fields alone go through
    driver.review(pathway, "ACCEPT");
    assertThat(driver.task(pathway).getTaskDefinitionKey()).isEqualTo(ChildPathway.TASK_RECORD_SCREENING);
  }

  @Test
  void shouldRefuseAnUndeclaredFieldOnTheStartOfAPathway() {
    long before = jdbc.queryForObject("select count(*) from case_file", Long.class);
    Map<String, Object> child = new LinkedHashMap<>(Map.of("record_fullName", "Lương Văn Tú",
        "record_dateOfBirth", "05/06/2020", "record_sex", "MALE", "record_address", "Thôn Khòn Khuyến",
        "record_communeCode", "MAIPHA", "record_conditionGroup", "CLEFT_LIP_PALATE", "record_caregiverName",
        "Lương Thị Hằng", "record_caregiverRelation", "MOTHER"));
    child.put("ghiChu", secret);

    for (String path : List.of("/start", "/submit-form")) {
      ResponseEntity<Map<String, Object>> refused = post("cbmaipha",
          "/engine-rest/process-definition/key/child-pathway" + path, Map.of("variables", typed(child)));

      assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat((String) refused.getBody().get("message")).as(path)
          .startsWith("Lộ trình không nhận trường \"ghiChu\"");
    }
    assertThat(jdbc.queryForObject("select count(*) from case_file", Long.class)).isEqualTo(before);
    assertNothingStored();
  }

  @Test
  void shouldLetNoUserWriteVariablesDirectly() {
    ProcessInstance pathway = driver.listEligibleChild();
    Task review = driver.task(pathway);
    Map<String, Object> value = Map.of("value", secret, "type", "String");

    List<ResponseEntity<Map<String, Object>>> refused = List.of(
        exchange("cvldtbxh", HttpMethod.PUT, "/engine-rest/task/" + review.getId() + "/variables/ghiChu", value),
        exchange("cvldtbxh", HttpMethod.PUT, "/engine-rest/task/" + review.getId() + "/localVariables/ghiChu", value),
        post("cvldtbxh", "/engine-rest/task/" + review.getId() + "/localVariables",
            Map.of("modifications", Map.of("ghiChu", value))),
        post("cvldtbxh", "/engine-rest/task/" + review.getId() + "/variables",
            Map.of("modifications", Map.of("ghiChu", value))),
        post("quantri", "/engine-rest/process-instance/" + pathway.getId() + "/variables",
            Map.of("modifications", Map.of("ghiChu", value))),
        exchange("quantri", HttpMethod.PUT, "/engine-rest/process-instance/" + pathway.getId() + "/variables/ghiChu",
            value),
        exchange("quantri", HttpMethod.DELETE, "/engine-rest/process-instance/" + pathway.getId()
            + "/variables/caseId", null),
        post("quantri", "/engine-rest/message", Map.of("messageName", ChildPathway.MSG_CHILD_MOVED,
            "processInstanceId", pathway.getId(), "processVariables", Map.of("ghiChu", value))));

    for (ResponseEntity<Map<String, Object>> answer : refused) {
      assertThat(answer.getStatusCode().is4xxClientError()).as(String.valueOf(answer.getBody())).isTrue();
      assertThat(String.valueOf(answer.getBody())).doesNotContain("ENGINE-", "Cannot ");
    }
    assertThat(engine.getRuntimeService().getVariable(pathway.getId(), ChildPathway.VAR_CASE_ID)).isNotNull();
    assertNothingStored();
  }

  private void assertNothingStored() {
    assertThat(EngineTraces.columnsHolding(jdbc, secret, "ghiChu")).isEmpty();
  }

  private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
    return exchange(user, HttpMethod.POST, path, body);
  }

  private ResponseEntity<Map<String, Object>> exchange(String user, HttpMethod method, String path, Object body) {
    return http.withBasicAuth(user, "demo123").exchange(path, method, body == null ? null : new HttpEntity<>(body),
        OBJECT);
  }

  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return typed;
  }
}
