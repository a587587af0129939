package vn.nangbuoc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import java.util.Map;

/**
 * A fresh PostgreSQL database for the integration tests: on the server named by
 * NANGBUOC_TEST_POSTGRES_URL (CI points it at this machine's server) a new database is created and
 * dropped at the end; without it, an embedded PostgreSQL starts, so the tests pass on a fresh machine.
 */
public final class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String SERVER_URL_VARIABLE = "NANGBUOC_TEST_POSTGRES_URL";

  private static String jdbcUrl;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-test-database",
        Map.of("spring.datasource.url", url(), "spring.datasource.username", "postgres",
            "spring.datasource.password", "")));
  }

  static synchronized String url() {
    if (jdbcUrl == null) {
      String server = System.getenv(SERVER_URL_VARIABLE);
      jdbcUrl = server == null || server.isBlank() ? startEmbedded() : createDatabaseOn(server);
    }
    return jdbcUrl;
  }

  /**
   * Another fresh database on the same server, for a test that starts its own application (one that
   * changes the organisation, which the shared context's tests rely on); dropped at the end like the first.
   */
  public static synchronized String another(String purpose) {
    String first = url();
    String name = "nangbuoc_" + purpose + "_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
    execute(first, "create database " + name);
    // dropped from the server's own database: the first one may be dropped already (hooks run at once)
    String server = System.getenv(SERVER_URL_VARIABLE);
    String dropFrom = server == null || server.isBlank() ? first : server;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(dropFrom, "drop database if exists " + name
        + " with (force)")));
    int query = first.indexOf('?');
    String path = query >= 0 ? first.substring(0, query) : first;
    return path.substring(0, path.lastIndexOf('/') + 1) + name + (query >= 0 ? first.substring(query) : "");
  }

  private static String startEmbedded() {
    try {
      // stopped by its own shutdown hook
      return EmbeddedPostgres.builder().start().getJdbcUrl("postgres", "postgres");
    } catch (IOException e) {
      throw new IllegalStateException("Embedded PostgreSQL did not start", e);
    }
  }

  private static String createDatabaseOn(String serverUrl) {
    String reused = System.getProperty("reuse-database", "");
    // -Dreuse-database=<name>: a database kept by an earlier run (a benchmark adding to its data)
    String name = reused.isBlank() ? "nangbuoc_it_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis()
        : reused;
    if (reused.isBlank()) {
      execute(serverUrl, "create database " + name);
    }
    if (Boolean.getBoolean("keep-database") || !reused.isBlank()) {
      // -Dkeep-database=true: kept for a look afterwards (EXPLAIN of a benchmark's queries); drop it by hand
      System.out.println("PostgreSQL database " + name + " is kept");
    } else {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(serverUrl, "drop database if exists " + name
          + " with (force)")));
    }
    String base = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1);
    int query = serverUrl.indexOf('?');
    return base + name + (query >= 0 ? serverUrl.substring(query) : "");
  }

  private static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + url + ": " + e.getMessage(), e);
    }
  }
}
