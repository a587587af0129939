package vn.nangbuoc.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 cluster of the fault suite's own: made with initdb in a temporary directory, on a
 * free port of the loopback address, so that the suite may restart it as a fault (fast, immediate)
 * without touching the server other work uses. Stopped and removed at the end (and by a shutdown hook
 * if the run dies). initdb refuses to run as root: as root every command runs as the user postgres
 * (runuser), which then owns the directory.
 */
final class PostgresCluster implements AutoCloseable {

  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  private final Path directory;
  private final Path data;
  private final Path serverLog;
  private final int port;
  private final Thread stopOnExit;
  private boolean running;

  private PostgresCluster(Path directory, int port) {
    this.directory = directory;
    this.data = directory.resolve("data");
    this.serverLog = directory.resolve("server.log");
    this.port = port;
    this.stopOnExit = new Thread(this::stopAndRemove, "stop-fault-suite-postgres");
  }

  /** initdb, start, and a database named {@code database} for the application. */
  static PostgresCluster start(String database) throws IOException, InterruptedException, SQLException {
    Path directory = Files.createTempDirectory("nangbuoc-faults-pg-");
    if (runningAsRoot()) {
      UserPrincipal postgres = directory.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByName("postgres");
      Files.setOwner(directory, postgres);
    }
    PostgresCluster cluster = new PostgresCluster(directory, NodeProcess.freePort());
    Runtime.getRuntime().addShutdownHook(cluster.stopOnExit);
    cluster.run(BIN.resolve("initdb").toString(), "-D", cluster.data.toString(), "-U", "postgres", "-A", "trust",
        "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
    cluster.run(BIN.resolve("pg_ctl").toString(), "-D", cluster.data.toString(), "-l", cluster.serverLog.toString(),
        "-w", "-t", "120", "-o", "-p " + cluster.port + " -c listen_addresses=127.0.0.1 -k " + directory, "start");
    cluster.running = true;
    try (Connection admin = DriverManager.getConnection(cluster.url("postgres"));
        Statement create = admin.createStatement()) {
      create.execute("create database " + database);
    }
    return cluster;
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  /**
   * pg_ctl restart -m fast (clients are disconnected, open transactions rolled back, a checkpoint
   * written) or -m immediate (the server quits at once, recovery from the WAL at the next start), as an
   * operator's restart and a crash do. Returns once the server accepts connections again.
   */
  void restart(String mode) throws IOException, InterruptedException {
    run(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", serverLog.toString(), "-w", "-t", "120",
        "-m", mode, "restart");
  }

  private void run(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    if (runningAsRoot()) {
      line.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    line.addAll(List.of(command));
    Path output = Files.createTempFile("nangbuoc-faults-pg-command-", ".log");
    Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    boolean ended = process.waitFor(3, TimeUnit.MINUTES);
    String said = Files.readString(output);
    Files.delete(output);
    if (!ended || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", line) + " failed: " + said);
    }
  }

  private static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Stops the server (fast), keeps its log in {@code keepLog} and removes the directory. */
  void close(Path keepLog) throws IOException {
    stopAndRemove(keepLog);
    Runtime.getRuntime().removeShutdownHook(stopOnExit);
  }

  @Override
  public void close() throws IOException {
    close(null);
  }

  private void stopAndRemove() {
    try {
      stopAndRemove(null);
    } catch (IOException e) {
      System.err.println("The fault suite's PostgreSQL in " + directory + " was not removed: " + e);
    }
  }

  private synchronized void stopAndRemove(Path keepLog) throws IOException {
    if (running) {
      try {
        run(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", "fast", "stop");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      running = false;
    }
    if (keepLog != null && Files.exists(serverLog)) {
      Files.createDirectories(keepLog.toAbsolutePath().getParent());
      Files.copy(serverLog, keepLog, StandardCopyOption.REPLACE_EXISTING);
    }
    if (Files.exists(directory)) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
