package vn.nangbuoc.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import vn.nangbuoc.system.NodeProcess;

/**
 * The application in a JVM of its own, started on the benchmark's database as an operator starts it
 * (profile postgres, job executor on): how long it takes until it answers its health check, how
 * much memory the process holds, and how fast its REST API serves Tasklist's lists. Measured in a
 * process of its own because the benchmark's JVM also holds the load driver.
 */
final class ApplicationProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final long startedAt;
  private final Path log;

  private ApplicationProcess(Process process, int port, long startedAt, Path log) {
    this.process = process;
    this.port = port;
    this.startedAt = startedAt;
    this.log = log;
  }

  static ApplicationProcess start(String jdbcUrl, String user, List<String> jvmOptions, Path log) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", NodeProcess.applicationClassPath(), "vn.nangbuoc.NangBuocApplication",
        "--spring.profiles.active=postgres", "--spring.datasource.url=" + jdbcUrl,
        // the operator's settings, as from the project's directory
        "--spring.config.additional-location=file:" + Path.of("config").toAbsolutePath() + "/",
        "--spring.datasource.username=" + user, "--spring.datasource.password=", "--server.port=" + port,
        // no mail server here: the demo's catcher and the outbox sender stay off
        "--nangbuoc.mail.local-server.enabled=false", "--nangbuoc.mail.scheduling.enabled=false"));
    // run in the log's directory, not the project's: nothing there (bpmn/, config/) is picked up by accident
    Files.createDirectories(log.getParent());
    long startedAt = System.nanoTime();
    Process process = new ProcessBuilder(command)
        .directory(log.toAbsolutePath().getParent().toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    return new ApplicationProcess(process, port, startedAt, log);
  }

  /** Waits until /actuator/health answers UP; returns the seconds since the process was started. */
  double awaitHealthy(Duration timeout) throws InterruptedException {
    NodeProcess.awaitHealthy(process, http, uri("/actuator/health"), timeout, log);
    return (System.nanoTime() - startedAt) / 1e9;
  }

  /** Resident memory of the application's process (VmRSS), in MiB. */
  double residentMemoryMiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("no VmRSS for process " + process.pid());
  }

  /**
   * One request as Tasklist makes it for a filter's first page: POST /filter/{id}/list with HAL, which
   * also brings the tasks' process definitions, assignees and candidate groups. Returns microseconds.
   */
  long taskListPage(String filterId, String user, String password) throws IOException, InterruptedException {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(uri("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15"))
        .header("Authorization", "Basic " + credentials)
        .header("Accept", "application/hal+json")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"processVariables\":[],\"taskVariables\":[],"
            + "\"caseInstanceVariables\":[],\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}"))
        .build();
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long micros = (System.nanoTime() - start) / 1_000;
    if (response.statusCode() != 200 || !response.body().contains("\"_embedded\"")) {
      throw new IllegalStateException("task list answered " + response.statusCode() + ": " + response.body());
    }
    return micros;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
