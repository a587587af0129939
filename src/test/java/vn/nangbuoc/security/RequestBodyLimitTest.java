package vn.nangbuoc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * Item 5 of issue 17, the engine's side: a body over its limit to the engine's REST API, the
 * webapps' API or the product's JSON API is refused with 413 and a Vietnamese message before it is
 * held in memory, whether it declares its length or comes in chunks, and nothing of it is stored;
 * ordinary requests and deployments of the product's models go through.
 */
@NangBuocSpringTest
class RequestBodyLimitTest {

  private static final int MB = 1024 * 1024;
  private static final String PROBE = "request-body-probe";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void shouldRefuseATooLargeDeclaredLengthAtOnce() throws IOException {
    ProcessInstance pathway = new PathwayDriver(engine, listing).listEligibleChild();
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(pathway.getId()).singleResult();
    long attachments = jdbc.queryForObject("select count(*) from ACT_HI_ATTACHMENT", Long.class);

    for (String request : List.of(
        "POST /engine-rest/task/" + review.getId() + "/attachment/create",
        "POST /engine-rest/process-instance/" + pathway.getId() + "/variables/x/data",
        "POST /engine-rest/deployment/create",
        "POST /camunda/api/engine/engine/default/task/" + review.getId() + "/complete",
        "POST /api/cases")) {
      String answer = declaring(request, 2L * 1024 * MB);

      assertThat(answer).as(request).startsWith("HTTP/1.1 413").contains(RequestBodyLimit.MESSAGE);
    }
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_ATTACHMENT", Long.class)).isEqualTo(attachments);
    assertThat(engine.getRuntimeService().getVariable(pathway.getId(), "x")).isNull();
  }

  @Test
  void shouldRefuseATooLargeChunkedBodyAndStoreNothing() throws Exception {
    ProcessInstance pathway = new PathwayDriver(engine, listing).listEligibleChild();
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(pathway.getId()).singleResult();
    String completion = "{\"variables\":{\"listingDecision\":{\"value\":\"ACCEPT\"},\"x\":{\"value\":\""
        + "a".repeat(MB + MB / 2) + "\"}}}";

    HttpResponse<String> completed = chunked("cvldtbxh", "/engine-rest/task/" + review.getId() + "/complete",
        "application/json", completion.getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> deployed = chunked("quantri", "/engine-rest/deployment/create",
        "multipart/form-data; boundary=B", multipart(routingTablePaddedTo(10 * MB + MB / 2)));

    for (HttpResponse<String> refused : List.of(completed, deployed)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
      assertThat(refused.body()).contains(RequestBodyLimit.MESSAGE);
    }
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pathway.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo(ChildPathway.TASK_REVIEW_LISTING);
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName(PROBE).count()).isZero();
  }

  @Test
  void shouldStillTakeAnOrdinaryCompletionAndADeploymentOfAShippedModel() throws Exception {
    ProcessInstance pathway = new PathwayDriver(engine, listing).listEligibleChild();
    Task review = engine.getTaskService().createTaskQuery().processInstanceId(pathway.getId()).singleResult();

    HttpResponse<String> completed = chunked("cvldtbxh", "/engine-rest/task/" + review.getId() + "/complete",
        "application/json",
        "{\"variables\":{\"listingDecision\":{\"value\":\"ACCEPT\"}}}".getBytes(StandardCharsets.UTF_8));
    // over the 1 MB of other requests, within the 10 MB of deployments
    HttpResponse<String> deployed = chunked("quantri", "/engine-rest/deployment/create",
        "multipart/form-data; boundary=B", multipart(routingTablePaddedTo(2 * MB)));

    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pathway.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo(ChildPathway.TASK_RECORD_SCREENING);
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    for (Deployment probe : engine.getRepositoryService().createDeploymentQuery().deploymentName(PROBE).list()) {
      engine.getRepositoryService().deleteDeployment(probe.getId(), true);
    }
  }

  /** Headers declaring a length, and a few bytes of the body: what a client sends before the rest. */
  private String declaring(String requestLine, long length) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic("quantri")
          + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n{\"variables\":")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.setSoTimeout(10_000);
      // the server answers without waiting for the rest: read until the answer's JSON is complete
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[1024];
      InputStream in = socket.getInputStream();
      for (int n; !answer.toString(StandardCharsets.UTF_8).endsWith("\"}") && (n = in.read(buffer)) > 0; ) {
        answer.write(buffer, 0, n);
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  private HttpResponse<String> chunked(String user, String path, String contentType, byte[] body) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", basic(user)).header("Content-Type", contentType)
        // no declared length: the client sends the body in chunks
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static byte[] multipart(byte[] model) {
    String head = "--B\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + PROBE
        + "\r\n--B\r\nContent-Disposition: form-data; name=\"task-routing.dmn\"; filename=\"task-routing.dmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(model);
    body.writeBytes("\r\n--B--\r\n".getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  /** The shipped routing table, with a comment making it as large as asked. */
  private static byte[] routingTablePaddedTo(int size) throws IOException {
    String model = Files.readString(Path.of("bpmn/task-routing.dmn"));
    return (model + "\n<!-- " + "x".repeat(Math.max(0, size - model.length() - 10)) + " -->\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo123").getBytes(StandardCharsets.UTF_8));
  }
}
