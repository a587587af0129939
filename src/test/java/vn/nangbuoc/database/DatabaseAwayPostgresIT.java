package vn.nangbuoc.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.nangbuoc.NangBuocApplication;
import vn.nangbuoc.NangBuocPostgresTest;
import vn.nangbuoc.input.ErrorAnswers;

/**
 * A node whose PostgreSQL goes away (through a relay the test cuts): the first requests wait the
 * pool's connection timeout, then every request and health are answered at once, a Vietnamese 503
 * instead of the persistence layer's English after 30 s; everything works again when the database
 * is back.
 */
@NangBuocPostgresTest
class DatabaseAwayPostgresIT {

  private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+):(\\d+)/");

  @Value("${spring.datasource.url}")
  String databaseUrl;

  ConfigurableApplicationContext node;
  CuttableProxy proxy;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stop() throws Exception {
    if (node != null) {
      node.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void shouldAnswerWithinSecondsWhileTheDatabaseIsAwayAndRecoverWhenItIsBack() throws Exception {
    Matcher server = HOST_PORT.matcher(databaseUrl);
    assertThat(server.find()).as(databaseUrl).isTrue();
    proxy = CuttableProxy.to(server.group(1), Integer.parseInt(server.group(2)));
    String throughProxy = databaseUrl.replace(server.group(1) + ":" + server.group(2), "127.0.0.1:" + proxy.port());
    node = new SpringApplicationBuilder(NangBuocApplication.class)
        .profiles("test", "postgres")
        // a second engine in this JVM: the webapps and the engine's REST API keep static state per JVM
        .run("--server.port=0", "--spring.autoconfigure.exclude="
                + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
            "--spring.datasource.url=" + throughProxy, "--spring.datasource.username=postgres",
            "--spring.datasource.password=", "--camunda.bpm.process-engine-name=nodeDatabaseAway",
            "--spring.datasource.hikari.maximum-pool-size=4");
    int port = ((WebServerApplicationContext) node).getWebServer().getPort();

    assertThat(get(port, "/api/funding/approvals", "tpldtbxh").statusCode()).isEqualTo(200);
    assertThat(get(port, "/actuator/health", null).statusCode()).isEqualTo(200);

    proxy.cut();

    // the first requests wait for the pool (spring.datasource.hikari.connection-timeout, 10 s), not 30 s
    Timed<HttpResponse<String>> first = timed(() -> get(port, "/api/funding/approvals", "tpldtbxh"));
    // then every request is answered at once while the database is away
    Timed<HttpResponse<String>> next = timed(() -> get(port, "/api/funding/approvals", "tpldtbxh"));
    Timed<HttpResponse<String>> health = timed(() -> get(port, "/actuator/health", null));
    System.out.printf("Database away: first /api answer %d in %d ms, next %d in %d ms, health %d in %d ms%n",
        first.value().statusCode(), first.millis(), next.value().statusCode(), next.millis(),
        health.value().statusCode(), health.millis());
    for (Timed<HttpResponse<String>> refused : List.of(first, next)) {
      assertThat(refused.value().statusCode()).isEqualTo(503);
      assertThat(refused.value().body()).contains(ErrorAnswers.DATABASE_AWAY).doesNotContainIgnoringCase("jdbc")
          .doesNotContainIgnoringCase("connection");
      assertThat(refused.value().headers().firstValue("Retry-After")).isPresent();
    }
    assertThat(first.millis()).isLessThan(15_000);
    assertThat(next.millis()).isLessThan(2_000);
    assertThat(health.value().statusCode()).isEqualTo(503);
    assertThat(health.value().body()).contains("\"status\":\"DOWN\"");
    assertThat(health.millis()).isLessThan(2_000);

    proxy.restore();
    long until = System.currentTimeMillis() + 30_000;
    int status = 0;
    while (System.currentTimeMillis() < until
        && (status = get(port, "/api/funding/approvals", "tpldtbxh").statusCode()) != 200) {
      Thread.sleep(500);
    }
    assertThat(status).as("works again once the database is back").isEqualTo(200);
    assertThat(get(port, "/actuator/health", null).statusCode()).isEqualTo(200);
  }

  record Timed<T>(T value, long millis) {
  }

  interface Call<T> {
    T call() throws Exception;
  }

  private static <T> Timed<T> timed(Call<T> call) throws Exception {
    long started = System.nanoTime();
    T value = call.call();
    return new Timed<>(value, Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  private HttpResponse<String> get(int port, String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(40));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo123").getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
