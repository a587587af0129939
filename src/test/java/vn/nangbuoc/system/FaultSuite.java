package vn.nangbuoc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.nangbuoc.system.DemoTraffic.Answer;
import vn.nangbuoc.system.DemoTraffic.Tally;
import vn.nangbuoc.system.FaultInvariants.Check;
import vn.nangbuoc.system.SurgeryPathWalk.Outcome;

/**
 * The fault suite (issue 23 §1), on its own: {@code mvn -B -ntp -o -Pfaults verify [-Dfaults.children=300]}.
 * On a PostgreSQL cluster it makes itself, two application nodes (each a JVM of its own, as
 * {@link TwoNodesPostgresIT} starts them) behind a round-robin balancer and a GreenMail SMTP server
 * reached through a relay, it drives {@code faults.children} children per scenario through the whole
 * surgery path over HTTP as the demo users do ({@link SurgeryPathWalk}), and a third of the way into
 * each load injects one fault: a fast and an immediate PostgreSQL restart, an SMTP outage, a slow SMTP
 * server, kill -9 of one node. After each, once everything due has run, it checks the invariants
 * ({@link FaultInvariants}, over the whole database: a violation shows from the scenario that made
 * it on), prints a table (also in target/faults/table.md) and fails if any invariant was violated.
 */
class FaultSuite {

  private static final int CHILDREN = Integer.getInteger("faults.children", 60);
  private static final int CLIENTS = Integer.getInteger("faults.clients", 6);
  private static final long COST = 5_000_000;
  private static final Duration SMTP_OUTAGE = Duration.ofSeconds(30);
  private static final Duration SLOW_SMTP = Duration.ofSeconds(60);
  /** Within the nodes' SMTP read timeout (20 s): slow, not failing. */
  private static final Duration SLOW_GREETING = Duration.ofSeconds(15);
  private static final Duration SETTLE_WITHIN = Duration.ofMinutes(5);
  private static final Duration RECOVER_WITHIN = Duration.ofMinutes(5);
  private static final List<String> MAIL_READERS = List.of("cbmaipha", "cvldtbxh", "tpldtbxh", "bsttyt",
      "cvtaichinh");
  /**
   * A mail that failed is tried again after 10 s, doubling up to a minute (default 1 min up to an hour),
   * so that the outage's mails arrive within the run; 8 tries then still span over 5 minutes.
   */
  private static final String[] NODE_SETTINGS = {"--nangbuoc.mail.first-retry-after=PT10S",
      "--nangbuoc.mail.max-retry-after=PT1M"};
  private static final Path OUT = Path.of("target", "faults");

  private final List<AutoCloseable> started = new ArrayList<>();
  private PostgresCluster postgres;
  private String databaseUrl;
  private RestartableSmtpServer smtp;
  private SlowGreetingRelay relay;
  private NodeProcess node1;
  private DemoTraffic traffic;
  private int childrenSoFar;

  /** One fault, injected while the load runs; returns how long until the application was whole again. */
  private interface Fault {
    Recovery inject() throws Exception;
  }

  private record Recovery(double seconds, String detail) {
  }

  private record Row(String scenario, long closed, Tally tally, Recovery recovery, List<Check> checks,
      double wallSeconds, List<String> stopped, String settled) {
  }

  @AfterEach
  void stop() throws Exception {
    Collections.reverse(started);
    for (AutoCloseable each : started) {
      each.close();
    }
    if (postgres != null) {
      postgres.close(OUT.resolve("postgres.log"));
    }
  }

  @Test
  void shouldKeepEveryInvariantThroughEachFault() throws Exception {
    long suiteStart = System.nanoTime();
    postgres = PostgresCluster.start("nangbuoc");
    databaseUrl = postgres.url("nangbuoc");
    smtp = new RestartableSmtpServer(NodeProcess.freePort());
    smtp.start();
    started.add(smtp);
    relay = SlowGreetingRelay.to(smtp.port(), Duration.ZERO);
    started.add(relay);
    node1 = NodeProcess.start(databaseUrl, relay.port(), OUT.resolve("node1.log"), NODE_SETTINGS);
    started.add(node1);
    System.out.printf("Faults: node 1 healthy after %.1f s%n", node1.awaitHealthy(Duration.ofMinutes(5)));
    NodeProcess node2 = NodeProcess.start(databaseUrl, relay.port(), OUT.resolve("node2.log"), NODE_SETTINGS);
    started.add(node2);
    System.out.printf("Faults: node 2 healthy after %.1f s%n", node2.awaitHealthy(Duration.ofMinutes(5)));
    traffic = new DemoTraffic(List.of(node1, node2));
    prepare(5);

    Map<String, Fault> scenarios = new LinkedHashMap<>();
    scenarios.put("PostgreSQL restart -m fast", () -> restartPostgres("fast"));
    scenarios.put("PostgreSQL restart -m immediate", () -> restartPostgres("immediate"));
    scenarios.put("SMTP outage " + SMTP_OUTAGE.toSeconds() + " s", this::smtpOutage);
    scenarios.put("slow SMTP (greeting " + SLOW_GREETING.toSeconds() + " s late, " + SLOW_SMTP.toSeconds() + " s)",
        this::slowSmtp);
    scenarios.put("kill -9 of node 1 of 2", this::killNode1);
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Fault> scenario : scenarios.entrySet()) {
      rows.add(run(scenario.getKey(), scenario.getValue()));
      System.out.println(table(rows));
    }
    String table = table(rows);
    Files.createDirectories(OUT);
    Files.writeString(OUT.resolve("table.md"), table);
    System.out.printf("Faults: %d children per scenario, %d clients, %.0f s in all%n%s%n", CHILDREN, CLIENTS,
        (System.nanoTime() - suiteStart) / 1e9, table);
    for (Row row : rows) {
      assertThat(row.stopped()).as(row.scenario() + ": walks that stopped").isEmpty();
      assertThat(row.checks().stream().filter(check -> !check.held()).toList()).as(row.scenario()).isEmpty();
    }
  }

  /**
   * The users who get work mail it at once (not in a digest), and the city's fund gets a budget that
   * pays for every child of the run.
   */
  private void prepare(int scenarios) {
    for (String user : MAIL_READERS) {
      assertThat(traffic.send("PUT", "/api/me/notifications", user, Map.of("mode", "IMMEDIATE")).status())
          .isEqualTo(200);
    }
    Answer funds = traffic.send("GET", "/api/funds", "cvtaichinh", null);
    assertThat(funds.status()).as(funds.body()).isEqualTo(200);
    long budgeted = funds.read(DemoTraffic.LIST).stream().filter(fund -> traffic.send("POST", "/api/funds/"
        + fund.get("id") + "/receipts", "cvtaichinh", Map.of("kind", "BUDGET", "amount", scenarios * CHILDREN * COST,
        "date", LocalDate.now().toString())).is(200)).count();
    assertThat(budgeted).as("funds the finance office keeps").isPositive();
    traffic.takeTally();
  }

  private Row run(String scenario, Fault fault) throws Exception {
    System.out.println("Faults: " + scenario);
    long start = System.nanoTime();
    int first = childrenSoFar;
    childrenSoFar += CHILDREN;
    SurgeryPathWalk walk = new SurgeryPathWalk(traffic, COST);
    AtomicInteger finished = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<Outcome>> walks = IntStream.range(first, first + CHILDREN).mapToObj(child -> clients.submit(() -> {
      try {
        return walk.walk(child);
      } finally {
        finished.incrementAndGet();
      }
    })).toList();
    while (finished.get() < Math.max(1, CHILDREN / 3)) {
      Thread.sleep(100);
    }
    Recovery recovery = fault.inject();
    System.out.printf("Faults: %s: recovered after %.1f s (%s)%n", scenario, recovery.seconds(), recovery.detail());
    List<String> stopped = new ArrayList<>();
    long closed = 0;
    for (Future<Outcome> each : walks) {
      Outcome outcome = each.get();
      if (outcome.closed()) {
        closed++;
      } else {
        stopped.add(outcome.stoppedAt() + ": " + outcome.reason());
      }
    }
    clients.shutdown();
    Tally tally = traffic.takeTally();
    String settled = settle();
    List<Check> checks;
    try (Connection db = DriverManager.getConnection(databaseUrl)) {
      checks = new FaultInvariants(db).check(smtp.received());
    }
    Row row = new Row(scenario, closed, tally, recovery, checks, (System.nanoTime() - start) / 1e9, stopped, settled);
    System.out.println("Faults: " + details(row));
    return row;
  }

  private Recovery restartPostgres(String mode) throws Exception {
    long start = System.nanoTime();
    postgres.restart(mode);
    double back = secondsSince(start);
    awaitServed();
    return new Recovery(secondsSince(start), String.format("the database accepted connections after %.1f s", back));
  }

  /** Until every node in service answers a user's task list again. */
  private void awaitServed() throws InterruptedException {
    long deadline = System.nanoTime() + RECOVER_WITHIN.toNanos();
    while (!traffic.inService().stream().allMatch(traffic::serves)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the nodes did not serve again within " + RECOVER_WITHIN);
      }
      Thread.sleep(100);
    }
  }

  private Recovery smtpOutage() throws Exception {
    smtp.stop();
    Thread.sleep(SMTP_OUTAGE.toMillis());
    smtp.start();
    return outboxCaughtUp(System.nanoTime(), "server back after " + SMTP_OUTAGE.toSeconds() + " s away");
  }

  private Recovery slowSmtp() throws Exception {
    relay.delay(SLOW_GREETING);
    Thread.sleep(SLOW_SMTP.toMillis());
    relay.delay(Duration.ZERO);
    return outboxCaughtUp(System.nanoTime(), "server fast again after " + SLOW_SMTP.toSeconds() + " s");
  }

  /** From the server's return until every mail written until then was sent. */
  private Recovery outboxCaughtUp(long since, String what) throws Exception {
    long lastMail = count("select coalesce(max(id), 0) from mail_outbox");
    long deadline = since + RECOVER_WITHIN.toNanos();
    long waiting;
    while ((waiting = count("select count(*) from mail_outbox where id <= ? and status <> 'SENT'", lastMail)) > 0) {
      if (System.nanoTime() > deadline) {
        return new Recovery(-1, what + "; " + waiting + " of its mails still unsent after " + RECOVER_WITHIN);
      }
      Thread.sleep(250);
    }
    return new Recovery(secondsSince(since), what + "; every mail written until then (outbox rows up to " + lastMail
        + ") sent");
  }

  /**
   * kill -9 of node 1, once it holds a job (if that comes within 30 s); the balancer then sends
   * everything to node 2. Recovered when node 2 has taken over every job and mail node 1 held.
   */
  private Recovery killNode1() throws Exception {
    String held = node1.namePrefix() + "%";
    String jobs = "select count(*) from act_ru_job where lock_owner_ like ? and lock_exp_time_ is not null";
    String mails = "select count(*) from mail_outbox where status = 'SENDING' and claimed_by like ?";
    long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (count(jobs, held) == 0 && System.nanoTime() < waitUntil) {
      Thread.sleep(20);
    }
    long killed = System.nanoTime();
    node1.kill();
    traffic.takeOut(node1);
    long heldJobs = count(jobs, held);
    long heldMails = count(mails, held);
    long deadline = killed + RECOVER_WITHIN.toNanos();
    while (count(jobs, held) > 0 || count(mails, held) > 0) {
      if (System.nanoTime() > deadline) {
        return new Recovery(-1, "node 2 had not taken over within " + RECOVER_WITHIN);
      }
      Thread.sleep(200);
    }
    return new Recovery(secondsSince(killed), "node 1 held " + heldJobs + " jobs and " + heldMails
        + " mails; node 2 took them over");
  }

  /**
   * Waits until everything due has run: no job due (the follow-up timers run; the task deadlines are
   * days away), no mail waiting, every mail sent at the SMTP server.
   */
  private String settle() throws Exception {
    long start = System.nanoTime();
    long deadline = start + SETTLE_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      long dueJobs = count("select count(*) from act_ru_job where retries_ > 0 and handler_type_ <> 'history-cleanup'"
          + " and (duedate_ is null or duedate_ < now() + interval '1 day')");
      long waitingMails = count("select count(*) from mail_outbox where status in ('PENDING', 'SENDING')");
      long sent = count("select count(*) from mail_outbox where status = 'SENT'");
      if (dueJobs == 0 && waitingMails == 0 && smtp.count() >= sent) {
        return String.format("settled %.1f s after the load", secondsSince(start));
      }
      Thread.sleep(500);
    }
    return "not settled within " + SETTLE_WITHIN;
  }

  private long count(String sql, Object... parameters) throws SQLException {
    try (Connection db = DriverManager.getConnection(databaseUrl)) {
      return new FaultInvariants(db).count(sql, parameters);
    }
  }

  private static double secondsSince(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private String table(List<Row> rows) {
    StringBuilder table = new StringBuilder("| scenario | children closed | requests | failed requests by status"
        + " | recovered after |");
    FaultInvariants.NAMES.forEach(name -> table.append(' ').append(name).append(" |"));
    table.append("\n|---|---|---|---|---|").append("---|".repeat(FaultInvariants.NAMES.size())).append('\n');
    for (Row row : rows) {
      table.append("| ").append(row.scenario()).append(" | ").append(row.closed()).append(" of ").append(CHILDREN)
          .append(" | ").append(row.tally().requests()).append(" | ").append(row.tally().failuresText()).append(" | ")
          .append(row.recovery().seconds() < 0 ? "not recovered" : String.format("%.1f s", row.recovery().seconds()))
          .append(" |");
      row.checks().forEach(check -> table.append(check.held() ? " held" : " **VIOLATED**").append(" |"));
      table.append('\n');
    }
    return table.toString();
  }

  private static String details(Row row) {
    StringBuilder text = new StringBuilder(String.format("%s: %.0f s; %s; %s", row.scenario(), row.wallSeconds(),
        row.recovery().detail(), row.settled()));
    row.checks().forEach(check -> text.append("; ").append(check.name()).append(": ").append(check.figures()));
    row.stopped().stream().limit(3).forEach(stop -> text.append("; stopped at ").append(stop));
    return text.toString();
  }
}
