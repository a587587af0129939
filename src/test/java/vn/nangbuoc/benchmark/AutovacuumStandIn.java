package vn.nangbuoc.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What autovacuum does on a production server, for a server that runs without it. This project's CI
 * server has {@code autovacuum = off} in its configuration: without it no table of a growing database
 * is ever analyzed, and the planner keeps the estimates of an empty table. At 65,000 open pathways,
 * reading a pathway's variables took 13 ms (a bitmap AND over 550,000 index entries, estimated at
 * 156) and the load ran at a third of its speed. Once a minute, like the autovacuum launcher with its
 * default settings, this vacuums and analyzes every table past the default thresholds, one at a time,
 * on a connection of its own, throttled as autovacuum is (cost delay 2 ms).
 */
final class AutovacuumStandIn implements AutoCloseable {

  private static final String TABLES_DUE = """
      select relname,
             n_dead_tup > 50 + 0.2 * n_live_tup or n_ins_since_vacuum > 1000 + 0.2 * n_live_tup as vacuum
      from pg_stat_user_tables
      where n_dead_tup > 50 + 0.2 * n_live_tup or n_ins_since_vacuum > 1000 + 0.2 * n_live_tup
         or n_mod_since_analyze > 50 + 0.1 * n_live_tup""";

  private final String jdbcUrl;
  private final String user;
  private final ScheduledExecutorService launcher = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "autovacuum-stand-in");
    thread.setDaemon(true);
    return thread;
  });
  final AtomicInteger vacuums = new AtomicInteger();
  final AtomicInteger analyzes = new AtomicInteger();

  private AutovacuumStandIn(String jdbcUrl, String user) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
  }

  /** Started only where the server's own autovacuum is off. */
  static AutovacuumStandIn startIfServerHasNone(String jdbcUrl, String user, boolean serverAutovacuum) {
    AutovacuumStandIn standIn = new AutovacuumStandIn(jdbcUrl, user);
    if (!serverAutovacuum) {
      standIn.launcher.scheduleWithFixedDelay(standIn::round, 60, 60, TimeUnit.SECONDS);
    }
    return standIn;
  }

  private void round() {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute("set vacuum_cost_delay = '2ms'");
      List<String[]> due = new ArrayList<>();
      try (ResultSet tables = statement.executeQuery(TABLES_DUE)) {
        while (tables.next()) {
          due.add(new String[] {tables.getString(1), tables.getBoolean(2) ? "vacuum (analyze)" : "analyze"});
        }
      }
      for (String[] table : due) {
        statement.execute(table[1] + " " + statement.enquoteIdentifier(table[0], false));
        (table[1].startsWith("vacuum") ? vacuums : analyzes).incrementAndGet();
      }
    } catch (SQLException e) {
      // as autovacuum does: a round that fails is tried again at the next
      System.out.println("BENCHMARK autovacuum stand-in: " + e.getMessage());
    }
  }

  @Override
  public void close() throws InterruptedException {
    launcher.shutdownNow();
    launcher.awaitTermination(1, TimeUnit.MINUTES);
  }
}
