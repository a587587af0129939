package vn.nangbuoc.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's own limit: how many small write transactions per second this PostgreSQL server
 * commits. pgbench -N (TPC-B without the contended branch and teller updates: update an account,
 * read it, insert a history row, commit) when the pgbench program is on this machine; always the same
 * transaction in a JDBC loop, so a machine without pgbench (an embedded PostgreSQL) still gets a figure.
 */
final class CommitRate {

  private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");
  private static final Pattern PGBENCH_TPS = Pattern.compile("tps = ([0-9.]+)");
  private static final int ACCOUNTS = 100_000;

  private final String jdbcUrl;
  private final String user;
  private final int clients;
  private final int seconds;

  CommitRate(String jdbcUrl, String user, int clients, int seconds) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.clients = clients;
    this.seconds = seconds;
  }

  /** Transactions per second of the JDBC loop, with the given number of clients, each on its own connection. */
  double jdbcLoop() throws Exception {
    try (Connection setup = connect(); Statement statement = setup.createStatement()) {
      statement.execute("create table bench_accounts (aid int primary key, bid int, abalance int, filler char(84))");
      statement.execute("create table bench_history (tid int, bid int, aid int, delta int, mtime timestamp,"
          + " filler char(22))");
      statement.execute("insert into bench_accounts select i, 1, 0, '' from generate_series(1, " + ACCOUNTS + ") i");
      statement.execute("vacuum analyze bench_accounts");
    }
    try {
      AtomicLong committed = new AtomicLong();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      List<Thread> threads = new ArrayList<>();
      List<Exception> failures = new ArrayList<>();
      for (int client = 0; client < clients; client++) {
        Thread thread = new Thread(() -> {
          try {
            committed.addAndGet(runClient(end));
          } catch (SQLException e) {
            synchronized (failures) {
              failures.add(e);
            }
          }
        });
        threads.add(thread);
        thread.start();
      }
      long start = System.nanoTime();
      for (Thread thread : threads) {
        thread.join();
      }
      if (!failures.isEmpty()) {
        throw failures.get(0);
      }
      return committed.get() / ((System.nanoTime() - start) / 1e9);
    } finally {
      try (Connection setup = connect(); Statement statement = setup.createStatement()) {
        statement.execute("drop table bench_accounts, bench_history");
      }
    }
  }

  private long runClient(long end) throws SQLException {
    long count = 0;
    try (Connection connection = connect();
        PreparedStatement update = connection.prepareStatement(
            "update bench_accounts set abalance = abalance + ? where aid = ?");
        PreparedStatement select = connection.prepareStatement("select abalance from bench_accounts where aid = ?");
        PreparedStatement insert = connection.prepareStatement(
            "insert into bench_history (tid, bid, aid, delta, mtime) values (?, 1, ?, ?, current_timestamp)")) {
      connection.setAutoCommit(false);
      ThreadLocalRandom random = ThreadLocalRandom.current();
      while (System.nanoTime() < end) {
        int aid = random.nextInt(1, ACCOUNTS + 1);
        int delta = random.nextInt(-5000, 5001);
        update.setInt(1, delta);
        update.setInt(2, aid);
        update.executeUpdate();
        select.setInt(1, aid);
        try (ResultSet balance = select.executeQuery()) {
          balance.next();
        }
        insert.setInt(1, random.nextInt(1, 11));
        insert.setInt(2, aid);
        insert.setInt(3, delta);
        insert.executeUpdate();
        connection.commit();
        count++;
      }
    }
    return count;
  }

  /** pgbench -N against the same database, when the program is installed; empty otherwise. */
  OptionalDouble pgbench() throws IOException, InterruptedException {
    Path program = Path.of("/usr/bin/pgbench");
    Matcher url = JDBC_URL.matcher(jdbcUrl);
    if (!Files.isExecutable(program) || !url.matches()) {
      return OptionalDouble.empty();
    }
    List<String> connection = List.of("-h", url.group(1), "-p", url.group(2) == null ? "5432" : url.group(2),
        "-U", user);
    String database = url.group(3);
    run(program, connection, List.of("-i", "-q", "-s", "1", database));
    try {
      String output = run(program, connection, List.of("-N", "-c", String.valueOf(clients), "-j",
          String.valueOf(clients), "-T", String.valueOf(seconds), database));
      Matcher tps = PGBENCH_TPS.matcher(output);
      return tps.find() ? OptionalDouble.of(Double.parseDouble(tps.group(1))) : OptionalDouble.empty();
    } finally {
      run(program, connection, List.of("-i", "-I", "d", database));
    }
  }

  private static String run(Path program, List<String> connection, List<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(program.toString());
    command.addAll(connection);
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pgbench failed: " + output);
    }
    return output;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, "");
  }
}
