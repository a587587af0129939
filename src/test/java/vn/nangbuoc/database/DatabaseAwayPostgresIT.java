package vn.nangbuoc.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
 * A node whose PostgreSQL goes away (through a relay the test cuts): requests are answered within
 * seconds with a Vietnamese 503 instead of hanging for the pool's 30 s and failing with the
 * persistence layer's English; health answers DOWN at once; everything works again when the
 * database is back.
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

    long started = System.nanoTime();
    HttpResponse<String> refused = get(port, "/api/funding/approvals", "tpldtbxh");
    Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf("Database away: /api answered %d in %d ms%n", refused.statusCode(), answeredIn.toMillis());
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.body()).contains(ErrorAnswers.DATABASE_AWAY).doesNotContainIgnoringCase("jdbc")
        .doesNotContainIgnoringCase("connection");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(answeredIn).isLessThan(Duration.ofSeconds(10));

    started = System.nanoTime();
    HttpResponse<String> health = get(port, "/actuator/health", null);
    answeredIn = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf("Database away: health answered %d in %d ms%n", health.statusCode(), answeredIn.toMillis());
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("\"status\":\"DOWN\"");
    assertThat(answeredIn).isLessThan(Duration.ofSeconds(10));

    proxy.restore();
    long until = System.currentTimeMillis() + 30_000;
    int status = 0;
    while (System.currentTimeMillis() < until && (status = get(port, "/api/funding/approvals", "tpldtbxh").statusCode()) != 200) {
      Thread.sleep(500);
    }
    assertThat(status).as("works again once the database is back").isEqualTo(200);
    assertThat(get(port, "/actuator/health", null).statusCode()).isEqualTo(200);
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
