package vn.nangbuoc.system;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One application node in a JVM of its own, started as an operator starts a node of a cluster
 * (profile postgres, job executor and mail sender on, sessions in the database), so that it can be
 * killed as a machine dies: SIGKILL, no shutdown hook, no transaction finished.
 */
public final class NodeProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private NodeProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts a node of the 2024 city demo on {@code jdbcUrl}, sending mail to the SMTP server at {@code smtpPort},
   * with {@code settings} (command-line properties) on top.
   */
  static NodeProcess start(String jdbcUrl, int smtpPort, Path log, String... settings) throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-cp", applicationClassPath(), "vn.nangbuoc.NangBuocApplication",
        "--spring.profiles.active=postgres,city-2024",
        "--spring.config.additional-location=file:" + Path.of("config").toAbsolutePath() + "/",
        "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres", "--spring.datasource.password=",
        "--server.port=" + port, "--nangbuoc.sessions.store=jdbc",
        "--nangbuoc.mail.local-server.enabled=false", "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
        "--spring.mail.properties.mail.smtp.starttls.enable=false"));
    command.addAll(List.of(settings));
    Files.createDirectories(log.getParent());
    // in the log's directory, not the project's: nothing there (bpmn/, config/) is picked up by accident
    Process process = new ProcessBuilder(command).directory(log.toAbsolutePath().getParent().toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new NodeProcess(process, port, log);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * The test run's class path without the tests' classes and without empty entries, which would add
   * the working directory: its bpmn/ and forms/ would be deployed a second time.
   */
  public static String applicationClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank() && !Path.of(entry).endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** Waits until /actuator/health answers UP; returns the seconds it took. */
  double awaitHealthy(Duration timeout) throws InterruptedException {
    long start = System.nanoTime();
    awaitHealthy(process, http, uri("/actuator/health"), timeout, log);
    return (System.nanoTime() - start) / 1e9;
  }

  /** Waits until {@code health} answers UP while {@code process} runs (its output in {@code log}). */
  public static void awaitHealthy(Process process, HttpClient http, URI health, Duration timeout, Path log)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the application stopped while starting; see " + log);
      }
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(health).build(),
            HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // the port opens late in the start
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the application did not answer within " + timeout + "; see " + log);
  }

  /** How the node's name in job locks and outbox claims ({@link NodeName}: pid@host) begins. */
  String namePrefix() {
    return process.pid() + "@";
  }

  /** kill -9: the process ends at once, its open transactions die with its connections. */
  void kill() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-KILL", String.valueOf(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -9 " + process.pid() + " failed");
    }
    process.waitFor(10, TimeUnit.SECONDS);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
