package vn.nangbuoc.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.casefile.CaseQuery;
import vn.nangbuoc.casefile.CaseSearch;
import vn.nangbuoc.casefile.CaseStatus;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.fund.FundReceipts;
import vn.nangbuoc.fund.ReceiptKind;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.organisation.OrganisationDirectory;

/**
 * Issue 8: the pathway at province scale on PostgreSQL, against the database's own commit rate.
 * N children go through the whole surgery path (listing to closure, 15 engine transactions each) with
 * authorization checks and history on, as in production; then M more are left open at every step
 * up to the fund's disbursement. With all of them there, the caseworkers' task lists, the case search,
 * and the start of the application in a JVM of its own are measured. Figures are printed
 * ("BENCHMARK") and written to target/benchmark/ as JSON and CSV.
 *
 * <p>{@code mvn -Ppathway-benchmark verify -Dbenchmark.children=10000} (README, "Benchmarks").
 */
@NangBuocBenchmark
class PathwayScaleBenchmark {

  static final int CHILDREN = Integer.getInteger("benchmark.children", 10_000);
  static final int OPEN_PATHWAYS = Integer.getInteger("benchmark.open-pathways", CHILDREN);
  static final int THREADS = Integer.getInteger("benchmark.threads", 4);
  static final int COMMIT_RATE_SECONDS = Integer.getInteger("benchmark.commit-rate-seconds", 20);
  static final int QUERY_REPEATS = Integer.getInteger("benchmark.query-repeats", 200);
  /** The open pathways are listed over this many days up to now (0: all now). */
  static final int LISTING_DAYS = Integer.getInteger("benchmark.listing-days", 365);
  /** Vacuum and analyze as autovacuum would, where the server runs without it (this project's CI server). */
  static final boolean AUTOVACUUM_STAND_IN = Boolean.parseBoolean(System.getProperty("benchmark.autovacuum-stand-in",
      "true"));
  /** Users whose task lists are measured: the city's labour office, its head, the doctors, finance, a commune. */
  static final List<String> CASEWORKERS = List.of("cvldtbxh", "tpldtbxh", "pctubnd", "bsttyt", "cvtaichinh",
      "cbmaipha");
  static final String MY_GROUPS_FILTER = "Việc của nhóm tôi";
  static final String OVERDUE_FILTER = "Quá hạn";

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  OrganisationDirectory organisation;
  @Autowired
  FundBooks ledger;
  @Autowired
  FundReceipts receipts;
  @Autowired
  CaseSearch search;
  @Autowired
  JdbcClient jdbc;
  @Value("${spring.datasource.url}")
  String databaseUrl;
  @Value("${spring.datasource.username}")
  String databaseUser;
  @Value("${spring.datasource.hikari.maximum-pool-size:10}")
  int poolSize;

  final Figures figures = new Figures("pathway-scale");
  SurgeryPath path;

  @Test
  void pathwayAtScale() throws Exception {
    recordSettings();
    double commitRate = measureCommitRate();
    List<String> communes = organisation.communesOf("cvldtbxh").stream().sorted().toList();
    BenchmarkChildren children = new BenchmarkChildren(20261123, communes, 300_000_000_000L);
    path = new SurgeryPath(engine, listing, organisation);
    if (CHILDREN + OPEN_PATHWAYS > 0) {
      receipts.receive(ledger.fundServing(communes.get(0)), ReceiptKind.BUDGET,
          (CHILDREN + OPEN_PATHWAYS) * SurgeryPath.HIGHEST_COST, null, null, LocalDate.now(), "cvtaichinh");
    }

    boolean serverAutovacuum = "on".equals(jdbc.sql("show autovacuum").query(String.class).single());
    try (AutovacuumStandIn standIn = AutovacuumStandIn.startIfServerHasNone(databaseUrl, databaseUser,
        serverAutovacuum || !AUTOVACUUM_STAND_IN)) {
      loadPathways(children, commitRate);
      figures.setting("autovacuum stand-in: vacuums / analyzes during the load", standIn.vacuums.get() + " / "
          + standIn.analyzes.get());
    }
    analyze();
    measureTaskLists();
    measureCaseSearch(communes);
    recordVolumes();
    measureApplicationProcess();
    figures.write(Path.of("target", "benchmark"), CHILDREN + "-" + OPEN_PATHWAYS + "-" + LocalDateTime.now()
        .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
  }

  /** N children through the whole path, then M open pathways at every step up to the disbursement. */
  private void loadPathways(BenchmarkChildren children, double commitRate) throws Exception {
    // a database kept from an earlier run (-Dreuse-database) already holds children: these come after them
    int existing = (int) count("select count(*) from case_file");
    figures.setting("case files before the run", existing);
    if (CHILDREN > 0) {
      Load whole = load("whole path", CHILDREN, path, i -> path.walk(
          path.list(children.surgeryCandidate(existing + i)), SurgeryPath.STEPS.size()));
      figures.add("completed pathways per second", CHILDREN / whole.seconds(), "/s");
      figures.add("engine transactions per second", whole.transactions() / whole.seconds(), "/s");
      figures.add("engine transactions per second / commit rate", 100.0 * whole.transactions() / whole.seconds()
          / commitRate, "%");
      figures.add("PostgreSQL commits per second during the whole-path load",
          whole.databaseCommits() / whole.seconds(), "/s");
    }
    assertThat(count("select count(*) from act_hi_procinst where end_time_ is not null"))
        .isGreaterThanOrEqualTo(CHILDREN);

    // open pathways at every step up to the disbursement: the task lists hold every kind of task
    if (OPEN_PATHWAYS > 0) {
      Load open = loadOverListingDays(i -> path.walk(path.list(children.surgeryCandidate(existing + CHILDREN + i)),
          i % 6));
      figures.add("open pathways listed per second", OPEN_PATHWAYS / open.seconds(), "/s");
      figures.add("engine transactions per second, open pathways", open.transactions() / open.seconds(), "/s");
      catchUpOverdueEscalations();
    }
    figures.setting("open pathways in the database", count("select count(*) from act_hi_procinst"
        + " where end_time_ is null"));
    assertThat(count("select count(*) from act_ru_task")).isGreaterThanOrEqualTo(OPEN_PATHWAYS);
  }

  /**
   * The open pathways, listed over the last {@link #LISTING_DAYS} days as a province lists its children:
   * in weekly batches, oldest first, each under the engine's clock set back to its day. Their tasks' due dates
   * spread over the year and interleave between the agencies, as in life; listed within the hour, every
   * task of an agency would fall due on the same day (docs/performance.md).
   */
  private Load loadOverListingDays(IntConsumer work) throws Exception {
    int batches = LISTING_DAYS == 0 ? 1 : Math.max(1, Math.min(OPEN_PATHWAYS, LISTING_DAYS / 7));
    Load total = new Load(0, 0, 0);
    try {
      for (int batch = 0; batch < batches; batch++) {
        int first = (int) ((long) OPEN_PATHWAYS * batch / batches);
        int end = (int) ((long) OPEN_PATHWAYS * (batch + 1) / batches);
        long daysAgo = batches == 1 ? 0 : (long) LISTING_DAYS * (batches - 1 - batch) / (batches - 1);
        // an offset, not a fixed time: the clock goes on, and each pathway is listed at its own moment
        ClockUtil.offset(-Duration.ofDays(daysAgo).toMillis());
        Load load = load("open pathways, listed " + daysAgo + " days ago", end - first, path,
            i -> work.accept(first + i));
        total = new Load(total.seconds() + load.seconds(), total.transactions() + load.transactions(),
            total.databaseCommits() + load.databaseCommits());
      }
    } finally {
      ClockUtil.reset();
    }
    return total;
  }

  /**
   * The escalation timers of the tasks that fell due while the pathways were listed in the past: run now,
   * once each, as the job executor had run them when they first fell due, so the application started
   * later finds none overdue (each run sets the timer to its next day after now). Overdue tasks get
   * their raised priority, the agencies' heads their mail. Only the escalation timers: a pathway has
   * one open task and so one of them, and they can run in parallel.
   */
  private void catchUpOverdueEscalations() throws Exception {
    ManagementService management = engine.getManagementService();
    Date cutoff = ClockUtil.getCurrentTime();
    List<String> due = new ArrayList<>();
    for (JobDefinition escalation : management.createJobDefinitionQuery().list()) {
      // the timers of the user tasks' timeout listeners: every user task's escalation and nothing else
      if (TimerTaskListenerJobHandler.TYPE.equals(escalation.getJobType())) {
        management.createJobQuery().jobDefinitionId(escalation.getId()).duedateLowerThan(cutoff).list()
            .forEach(job -> due.add(job.getId()));
      }
    }
    long start = System.nanoTime();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (String job : due) {
        runs.add(threads.submit(() -> management.executeJob(job)));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      threads.shutdownNow();
    }
    figures.add("overdue escalations caught up", due.size(), "");
    if (!due.isEmpty()) {
      figures.add("overdue escalations per second", due.size() / ((System.nanoTime() - start) / 1e9), "/s");
    }
    assertThat(management.createJobQuery().timers().duedateLowerThan(cutoff).count())
        .as("timers still overdue after one run each").isZero();
  }

  private void recordSettings() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    figures.setting("children through the whole path", CHILDREN);
    figures.setting("open pathways", OPEN_PATHWAYS);
    figures.setting("open pathways listed over the last days", LISTING_DAYS);
    figures.setting("driver threads", THREADS);
    figures.setting("connection pool", poolSize);
    figures.setting("history level", configuration.getHistoryLevel().getName());
    figures.setting("authorization checks", configuration.isAuthorizationEnabled());
    figures.setting("CMMN / standalone tasks", configuration.isCmmnEnabled() + " / "
        + configuration.isStandaloneTasksEnabled());
    figures.setting("cores", Runtime.getRuntime().availableProcessors());
    for (String setting : List.of("server_version", "autovacuum", "shared_buffers", "synchronous_commit",
        "wal_sync_method", "work_mem", "random_page_cost")) {
      figures.setting("postgres " + setting, jdbc.sql("show " + setting).query(String.class).single());
    }
  }

  private double measureCommitRate() throws Exception {
    CommitRate rate = new CommitRate(databaseUrl, databaseUser, 4, COMMIT_RATE_SECONDS);
    double jdbcLoop = rate.jdbcLoop();
    figures.add("commit rate, JDBC loop (pgbench -N transaction, 4 clients)", jdbcLoop, "tps");
    OptionalDouble pgbench = rate.pgbench();
    pgbench.ifPresent(tps -> figures.add("commit rate, pgbench -N -c 4", tps, "tps"));
    return pgbench.orElse(jdbcLoop);
  }

  record Load(double seconds, long transactions, long databaseCommits) {
  }

  /** Runs {@code work} for 0..count-1 on the driver threads; every failure fails the benchmark. */
  private Load load(String name, int count, SurgeryPath path, IntConsumer work) throws Exception {
    long transactionsBefore = path.transactions();
    long commitsBefore = databaseCommits();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      running.add(threads.submit(() -> {
        for (int i = next.getAndIncrement(); i < count && failures.isEmpty(); i = next.getAndIncrement()) {
          try {
            work.accept(i);
          } catch (RuntimeException e) {
            failures.add(e);
          }
          int finished = done.incrementAndGet();
          if (finished % 1000 == 0) {
            System.out.printf("BENCHMARK progress %s: %d of %d, %.0f s%n", name, finished, count,
                (System.nanoTime() - start) / 1e9);
          }
        }
      }));
    }
    for (Future<?> thread : running) {
      thread.get();
    }
    threads.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!failures.isEmpty()) {
      throw new AssertionError(failures.size() + " of " + count + " failed in " + name, failures.get(0));
    }
    return new Load(seconds, path.transactions() - transactionsBefore, databaseCommits() - commitsBefore);
  }

  private long databaseCommits() {
    return count("select xact_commit from pg_stat_database where datname = current_database()");
  }

  private void analyze() {
    jdbc.sql("analyze").update();
  }

  /**
   * Tasklist's first page of a filter, as each caseworker sees it: the saved filter run by the engine
   * under the user's authentication, with its expressions (the user's groups), extended by Tasklist's
   * own order (due date, set by our script in Tasklist), which the engine appends to the filter's.
   */
  private void measureTaskLists() {
    FilterService filters = engine.getFilterService();
    for (String filterName : List.of(MY_GROUPS_FILTER, OVERDUE_FILTER)) {
      Filter filter = filters.createTaskFilterQuery().filterName(filterName).singleResult();
      List<Long> all = new ArrayList<>();
      List<Long> counts = new ArrayList<>();
      for (String user : CASEWORKERS) {
        long total = path.as(user, () -> filters.count(filter.getId()));
        figures.setting("tasks in " + user + "'s list '" + filterName + "'", total);
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < QUERY_REPEATS + 20; i++) {
          long start = System.nanoTime();
          List<Task> page = path.as(user, () -> filters.<Task, TaskQuery>listPage(filter.getId(),
              engine.getTaskService().createTaskQuery().orderByDueDate().asc(), 0, 15));
          long elapsed = (System.nanoTime() - start) / 1_000;
          assertThat(page).hasSize((int) Math.min(15, total));
          if (i >= 20) {
            micros.add(elapsed);
          }
        }
        figures.add("task list '" + filterName + "' " + user + " p95", Figures.percentile(micros, 95) / 1000.0, "ms");
        all.addAll(micros);
        List<Long> countMicros = countLatencies(filter.getId(), user);
        figures.add("task list '" + filterName + "' count " + user + " p95",
            Figures.percentile(countMicros, 95) / 1000.0, "ms");
        counts.addAll(countMicros);
      }
      figures.latencies("task list '" + filterName + "', first page, all users", all);
      figures.latencies("task list '" + filterName + "', its count, all users", counts);
    }
  }

  /**
   * Tasklist asks a list's count with every page, every 10 seconds while it is open. Timed apart from
   * the pages, after them, so that the pages' figures stay comparable with earlier runs; a quarter of
   * their repeats, as a large group's count takes a hundred times as long.
   */
  private List<Long> countLatencies(String filterId, String user) {
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < QUERY_REPEATS / 4 + 5; i++) {
      long start = System.nanoTime();
      path.as(user, () -> engine.getFilterService().count(filterId));
      if (i >= 5) {
        micros.add((System.nanoTime() - start) / 1_000);
      }
    }
    return micros;
  }

  private void measureCaseSearch(List<String> communes) {
    Set<String> city = Set.copyOf(communes);
    List<Long> micros = new ArrayList<>();
    // the given name and the letters that end one of the generated names, as a caseworker types them
    String name = jdbc.sql("select name_folded from case_file order by id desc fetch first 1 rows only")
        .query(String.class).single();
    String[] words = name.split(" ");
    List<CaseQuery> queries = new ArrayList<>();
    queries.add(new CaseQuery(words[words.length - 2] + " " + words[words.length - 1], null, null, null, null, null,
        null, "ten", 0, 25));
    // a run with only open or only closed pathways searches for what it has
    if (count("select count(*) from case_file where status = 'ACTIVE'") > 0) {
      queries.add(new CaseQuery(null, null, null, null, CaseStatus.ACTIVE, ConditionGroup.CLEFT_LIP_PALATE, null,
          "moi-nhat", 2, 25));
    }
    if (count("select count(*) from case_file where status = 'CLOSED'") > 0) {
      queries.add(new CaseQuery(null, null, null, null, CaseStatus.CLOSED, null, null, "moi-nhat", 0, 25));
    }
    for (int i = 0; i < 40 + 5; i++) {
      for (CaseQuery query : queries) {
        long start = System.nanoTime();
        assertThat(search.search(query, city).total()).isPositive();
        if (i >= 5) {
          micros.add((System.nanoTime() - start) / 1_000);
        }
      }
    }
    figures.latencies("case search (name, status + condition, closed; count + page)", micros);
  }

  private void recordVolumes() {
    for (String table : List.of("act_ru_task", "act_ru_execution", "act_ru_variable", "act_ru_job",
        "act_ru_authorization", "act_ru_identitylink", "act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
        "act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_op_log", "act_hi_dec_in",
        "case_file", "case_step_record", "mail_outbox", "case_access_log")) {
      figures.setting("rows in " + table, count("select count(*) from " + table));
    }
    figures.setting("database size", jdbc.sql("select pg_size_pretty(pg_database_size(current_database()))")
        .query(String.class).single());
  }

  private void measureApplicationProcess() throws Exception {
    List<String> jvmOptions = Arrays.stream(System.getProperty("benchmark.app-jvm-options", "").split(" "))
        .filter(option -> !option.isBlank()).toList();
    figures.setting("application JVM options", jvmOptions);
    Path log = Path.of("target", "benchmark", "application-" + CHILDREN + ".log");
    try (ApplicationProcess application = ApplicationProcess.start(databaseUrl, databaseUser, jvmOptions, log)) {
      figures.add("application start-up (until health UP)", application.awaitHealthy(Duration.ofMinutes(5)), "s");
      figures.add("application resident memory after start-up", application.residentMemoryMiB(), "MiB");
      String filterId = engine.getFilterService().createTaskFilterQuery().filterName(MY_GROUPS_FILTER).singleResult()
          .getId();
      List<Long> micros = new ArrayList<>();
      for (int i = 0; i < QUERY_REPEATS + 20; i++) {
        long elapsed = application.taskListPage(filterId, "cvldtbxh", "demo123");
        if (i >= 20) {
          micros.add(elapsed);
        }
      }
      figures.latencies("task list over REST as Tasklist asks (HAL), cvldtbxh", micros);
      figures.add("application resident memory after the task lists", application.residentMemoryMiB(), "MiB");
    }
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
