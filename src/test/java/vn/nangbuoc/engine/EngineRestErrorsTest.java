package vn.nangbuoc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.WebappSession;
import vn.nangbuoc.input.ErrorAnswers;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * Item 11 of issue 17: the engine's REST API, and Tasklist's copy of it, answer bad input and lost
 * races with a 4xx and a Vietnamese message, never a 500 with the engine's text.
 */
@NangBuocSpringTest
class EngineRestErrorsTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void shouldAnswerARefusedStartWithOurMessageOnly() {
    ResponseEntity<Map<String, Object>> refused = as("cbmaipha").exchange(
        "/engine-rest/process-definition/key/child-pathway/start", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", Map.of("record_communeCode", Map.of("value", "MAIPHA")))), OBJECT);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).startsWith("Chưa nhập họ và tên của trẻ.")
        .doesNotContain("Cannot", "child-pathway:");
  }

  @Test
  void shouldAnswerAnUnknownTaskWith404InVietnamese() {
    for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
      String path = method == HttpMethod.GET ? "/engine-rest/task/khong-co" : "/engine-rest/task/khong-co/complete";
      ResponseEntity<Map<String, Object>> answer = as("cvldtbxh").exchange(path, method,
          method == HttpMethod.GET ? null : new HttpEntity<>(Map.of("variables", Map.of())), OBJECT);

      assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(answer.getBody()).as(path).containsEntry("message", ErrorAnswers.NOT_FOUND);
    }
  }

  @Test
  void shouldKeepTheHeadersOfJaxRsOwnAnswersWithOurWords() {
    // DELETE is not a method of .../complete: JAX-RS answers 405 and names the allowed ones
    ResponseEntity<Map<String, Object>> answer = as("cvldtbxh").exchange("/engine-rest/task/x/complete",
        HttpMethod.DELETE, null, OBJECT);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    assertThat(answer.getHeaders().getAllow()).contains(HttpMethod.POST);
    assertThat(answer.getBody()).containsEntry("message", ErrorAnswers.BAD_REQUEST);
  }

  @Test
  void shouldAnswerUnreadableJsonWith400InVietnamese() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<Map<String, Object>> answer = as("cvldtbxh").exchange("/engine-rest/task/x/complete",
        HttpMethod.POST, new HttpEntity<>("{\"variables\": [1, 2", headers), OBJECT);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody()).containsEntry("message", ErrorAnswers.BAD_REQUEST);
  }

  @Test
  void shouldAnswerTheLoserOfTwoCompletionsOfOneTaskWith409() throws Exception {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ProcessInstance pathway = driver.listEligibleChild();
    Task review = driver.task(pathway);
    AtomicReference<CompletableFuture<ResponseEntity<Map<String, Object>>>> second = new AtomicReference<>();

    as("cvldtbxh").getForEntity("/engine-rest/task/" + review.getId(), String.class); // logged in once: quick now
    // the first completion holds its transaction open until the second one, having read the same task, waits for it
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      driver.complete("cvldtbxh", pathway, "Task_ReviewListing", PathwayDriver.vars("listingDecision", "ACCEPT"));
      second.set(CompletableFuture.supplyAsync(() -> as("cvldtbxh").exchange(
          "/engine-rest/task/" + review.getId() + "/complete", HttpMethod.POST,
          new HttpEntity<>(Map.of("variables", Map.of("listingDecision", Map.of("value", "ACCEPT")))), OBJECT)));
      waitUntilASessionIsBlocked();
    });
    ResponseEntity<Map<String, Object>> lost = second.get().get();

    assertThat(lost.getStatusCode()).as(String.valueOf(lost.getBody())).isEqualTo(HttpStatus.CONFLICT);
    assertThat(lost.getBody()).containsEntry("message", ErrorAnswers.CONFLICT);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pathway.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("Task_RecordScreening");
  }

  @Test
  void shouldMapEveryKindOfEngineErrorWithoutItsText() {
    String childData = "Nguyễn Văn An 001219000601";
    Map<Throwable, Integer> expected = new LinkedHashMap<>();
    expected.put(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new OptimisticLockingException("ENGINE-03005 Execution of 'DELETE TaskEntity' failed " + childData)), 409);
    expected.put(new ProcessEngineException("ENGINE-03005", new OptimisticLockingException(childData)), 409);
    expected.put(new RestException(Response.Status.NOT_FOUND, "Task with id " + childData + " does not exist"), 404);
    expected.put(new ProcessEngineException("ENGINE-03004 " + childData,
        new org.apache.ibatis.exceptions.PersistenceException(new java.sql.SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available " + childData))), 503);
    expected.put(new IllegalStateException(childData), 500);
    expected.put(new ProcessEngineException(childData), 500);

    expected.forEach((error, status) -> {
      Response answer = mapperOf(error).toResponse(error);

      assertThat(answer.getStatus()).as(error.toString()).isEqualTo(status);
      assertThat(String.valueOf(answer.getEntity())).doesNotContain(childData, "ENGINE-")
          .contains(ErrorAnswers.forStatus(status));
    });
  }

  @Test
  void shouldAnswerTasklistsCopyOfTheApiInVietnameseToo() {
    HttpHeaders asUser = WebappSession.signIn(http, "cvldtbxh").headers();

    ResponseEntity<Map<String, Object>> answer = http.exchange("/camunda/api/engine/engine/default/task/khong-co",
        HttpMethod.GET, new HttpEntity<>(asUser), OBJECT);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(answer.getBody()).containsEntry("message", ErrorAnswers.NOT_FOUND);
  }

  @SuppressWarnings("unchecked")
  private static jakarta.ws.rs.ext.ExceptionMapper<Throwable> mapperOf(Throwable error) {
    Object mapper = error instanceof RestException ? new EngineRestErrors.RestError()
        : error instanceof ProcessEngineException ? new EngineRestErrors.EngineError()
        : new EngineRestErrors.AnyError();
    return (jakarta.ws.rs.ext.ExceptionMapper<Throwable>) mapper;
  }

  /** H2 names the session a blocked one waits for. */
  private void waitUntilASessionIsBlocked() {
    for (int i = 0; i < 200; i++) {
      Long blocked = jdbc.queryForObject(
          "select count(*) from information_schema.sessions where blocker_id is not null", Long.class);
      if (blocked != null && blocked > 0) {
        return;
      }
      sleep(50);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo123");
  }
}
