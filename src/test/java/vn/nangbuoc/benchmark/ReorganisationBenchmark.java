package vn.nangbuoc.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.fund.FundReceipts;
import vn.nangbuoc.fund.ReceiptKind;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.organisation.OrganisationDirectory;

/**
 * Issue 19: the city's ready change set (the 2025 reform) applied on PostgreSQL to a city holding N open
 * pathways waiting evenly at the first six steps and M closed case files. The open ones go through
 * the engine as caseworkers take them; the closed ones are copies, made in the tables, of closed pathways
 * that went the whole way through the engine (one per commune), with their case file, caregiver, step records,
 * history and rights, since M whole paths through the engine would take hours. The change set is uploaded,
 * previewed and applied over HTTP as an administrator does; then the first page of "Việc của nhóm tôi" is
 * timed for users of the new structure, as Tasklist asks the engine for it. Figures are printed
 * ("BENCHMARK") and written to target/benchmark/.
 *
 * <p>{@code mvn -Preorganisation-benchmark verify -Dbenchmark.open=10000 -Dbenchmark.closed=100000}
 * (docs/performance.md).
 */
@NangBuocBenchmark
class ReorganisationBenchmark {

  static final int OPEN = Integer.getInteger("benchmark.open", 10_000);
  static final int CLOSED = Integer.getInteger("benchmark.closed", 100_000);
  static final int THREADS = Integer.getInteger("benchmark.threads", 2);
  /** Seeds and stops, for a database kept to run the apply on, before and after a change, from the same city. */
  static final boolean SEED_ONLY = Boolean.getBoolean("benchmark.seed-only");
  /**
   * On a kept database the change set was applied to already ({@code -Dreuse-database}): checks the outcome and
   * times the task lists only, as after the apply.
   */
  static final boolean AFTER_ONLY = Boolean.getBoolean("benchmark.after-only");
  static final int QUERY_REPEATS = Integer.getInteger("benchmark.query-repeats", 200);
  static final String CHANGE_SET = "organisation/lang-son-city-2025-reform.yaml";
  static final String CITY_FUND = "quyBttTpLangSon";
  /** After the reform: the culture–social offices, the health department, the province's vice chairman, the health
   * centre, the province's fund, a ward's People's Committee. */
  static final List<String> NEW_STRUCTURE_USERS = List.of("cvldtbxh", "tpldtbxh", "pctubnd", "bsttyt", "cvtaichinh",
      "cbmaipha");
  static final String MY_GROUPS_FILTER = "Việc của nhóm tôi";

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  OrganisationDirectory organisation;
  @Autowired
  FundReceipts receipts;
  @Autowired
  JdbcClient jdbc;
  @LocalServerPort
  int port;

  final Figures figures = new Figures("reorganisation");
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void reformOfACityFullOfCases() throws Exception {
    figures.setting("open pathways", OPEN);
    figures.setting("closed case files", CLOSED);
    figures.setting("driver threads", THREADS);
    figures.setting("cores", Runtime.getRuntime().availableProcessors());
    figures.setting("batch size", System.getProperty("nangbuoc.reorganisation.batch-size", "200 (default)"));
    for (String setting : List.of("server_version", "autovacuum", "shared_buffers", "synchronous_commit")) {
      figures.setting("postgres " + setting, jdbc.sql("show " + setting).query(String.class).single());
    }
    if (AFTER_ONLY) {
      thenEveryCaseIsInTheNewStructure();
      measureTaskLists();
      figures.write(Path.of("target", "benchmark"), "after-" + LocalDateTime.now()
          .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
      return;
    }
    List<String> communes = organisation.communesOf("cvldtbxh").stream().sorted().toList();
    long start = System.nanoTime();
    seed(communes);
    figures.add("seed (open pathways through the engine, closed case files copied)", seconds(start), "s");
    jdbc.sql("analyze").update();
    recordVolumes("before");
    if (SEED_ONLY) {
      // -Dbenchmark.seed-only=true -Dkeep-database=true: a seeded city to copy (create database ... template)
      return;
    }

    long previewStart = System.nanoTime();
    long id = upload();
    figures.add("upload + preview over HTTP", seconds(previewStart), "s");
    apply(id);
    jdbc.sql("analyze").update();
    recordVolumes("after");
    thenEveryCaseIsInTheNewStructure();
    measureTaskLists();
    figures.write(Path.of("target", "benchmark"), OPEN + "-" + CLOSED + "-" + LocalDateTime.now()
        .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
  }

  /**
   * Brings the city to N open pathways and M closed case files, whatever it holds already (a database kept by
   * an earlier run, {@code -Dreuse-database}): the open ones through the engine, waiting evenly at the first six
   * steps; the closed ones copied from closed pathways that went the whole way (one per commune).
   */
  private void seed(List<String> communes) throws Exception {
    long openBefore = count("select count(*) from act_hi_procinst where end_time_ is null");
    List<String> templates = Collections.synchronizedList(new ArrayList<>(jdbc.sql("select process_instance_id"
        + " from case_file where status = 'CLOSED' and process_instance_id not like '%x%' order by id")
        .query(String.class).list()));
    int newTemplates = templates.isEmpty() ? communes.size() : 0;
    int newOpen = (int) Math.max(0, OPEN - openBefore);
    int casesBefore = (int) count("select count(*) from case_file");
    figures.setting("open pathways / case files before the seed", openBefore + " / " + casesBefore);
    if (newTemplates + newOpen > 0) {
      receipts.receive(CITY_FUND, ReceiptKind.BUDGET, (newTemplates + newOpen) * SurgeryPath.HIGHEST_COST, null,
          null, LocalDate.now(), "cvtaichinh");
    }
    SurgeryPath path = new SurgeryPath(engine, listing, organisation);
    BenchmarkChildren children = new BenchmarkChildren(20261203, communes, 400_000_000_000L);
    long start = System.nanoTime();
    run("closed templates", newTemplates, i -> {
      String pathway = path.list(children.surgeryCandidate(casesBefore + i));
      path.walk(pathway, SurgeryPath.STEPS.size());
      templates.add(pathway);
    });
    run("open pathways", newOpen, i -> path.walk(path.list(children.surgeryCandidate(casesBefore + newTemplates + i)),
        (int) ((openBefore + i) % 6)));
    figures.add("seed: open pathways through the engine (" + newOpen + " new)", seconds(start), "s");
    long copies = System.nanoTime();
    long closed = count("select count(*) from case_file where status = 'CLOSED'");
    int copied = (int) (closed - templates.size());
    int newCopies = (int) Math.max(0, CLOSED - closed);
    new ClosedCaseCopies(jdbc).copy(templates, copied + 1, newCopies);
    figures.add("seed: closed case files copied (" + newCopies + " new)", seconds(copies), "s");
    assertThat(count("select count(*) from case_file where status = 'CLOSED'"))
        .isEqualTo(Math.max(CLOSED, closed));
    assertThat(count("select count(*) from act_hi_procinst where end_time_ is null")).isEqualTo(Math.max(OPEN,
        openBefore));
  }

  private long upload() throws IOException, InterruptedException {
    String changeSet = new ClassPathResource(CHANGE_SET).getContentAsString(StandardCharsets.UTF_8);
    HttpResponse<String> uploaded = post("/api/admin/reorganisations", changeSet, "application/yaml");
    assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    assertThat(uploaded.body()).contains("\"problems\":[]");
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(uploaded.body());
    assertThat(id.find()).isTrue();
    return Long.parseLong(id.group(1));
  }

  /**
   * Applies over HTTP and times its phases from the reorganisation's rows: the structure and the plan end when
   * the apply's start is written (same transaction); the cases when the last planned case is carried (watched
   * every 100 ms); the funds and rights with the end.
   */
  private void apply(long id) throws Exception {
    AtomicLong casesDone = new AtomicLong();
    ExecutorService watcher = Executors.newSingleThreadExecutor();
    long start = System.nanoTime();
    long startMillis = System.currentTimeMillis();
    Future<?> watching = watcher.submit(() -> watch(id, start, casesDone));
    HttpResponse<String> applied = post("/api/admin/reorganisations/" + id + "/apply", "", "application/json");
    long end = System.nanoTime();
    watching.cancel(true);
    watcher.shutdownNow();
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
    assertThat(applied.body()).contains("\"status\":\"APPLIED\"");
    Timestamp started = jdbc.sql("select apply_started_at from reorganisation where id = ?").param(id)
        .query(Timestamp.class).single();
    long planned = count("select count(*) from reorganisation_case where reorganisation_id = " + id);
    double structure = (started.getTime() - startMillis) / 1000.0;
    double whole = (end - start) / 1e9;
    double cases = casesDone.get() == 0 ? whole - structure : (casesDone.get() - start) / 1e9 - structure;
    figures.setting("cases planned", planned);
    figures.add("apply: preview again, structure and plan", structure, "s");
    figures.add("apply: cases", cases, "s");
    figures.add("apply: funds and rights of the groups", whole - structure - cases, "s");
    figures.add("apply: whole (HTTP call)", whole, "s");
    figures.add("apply: cases carried per second", planned / cases, "/s");
  }

  private void watch(long id, long start, AtomicLong casesDone) {
    long lastPrint = 0;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(100);
        long[] progress = jdbc.sql("select count(*), coalesce(sum(case when done then 1 else 0 end), 0)"
                + " from reorganisation_case where reorganisation_id = ?").param(id)
            .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        if (progress[0] > 0 && progress[1] == progress[0] && casesDone.get() == 0) {
          casesDone.set(System.nanoTime());
        }
        if (System.nanoTime() - lastPrint > 30e9) {
          lastPrint = System.nanoTime();
          System.out.printf("BENCHMARK progress apply: %d of %d cases, %.0f s%n", progress[1], progress[0],
              (lastPrint - start) / 1e9);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // the watch ends with the apply's connection pool or the test; the figures fall back on the whole call
    }
  }

  private void thenEveryCaseIsInTheNewStructure() {
    assertThat(count("select count(*) from case_file where commune_code not like 'P%'")).isZero();
    assertThat(count("select count(*) from act_ru_authorization a join agency_group g on g.group_id = a.group_id_"
        + " join agency ag on ag.id = g.agency_id where ag.valid_to is not null"))
        .as("rights left to ended agencies").isZero();
    // every case, the closed copies too, is read by its new ward's culture–social office
    assertThat(count("select count(*) from case_file c where not exists (select 1 from act_ru_authorization a"
        + " join agency_group g on g.group_id = a.group_id_ join agency ag on ag.id = g.agency_id"
        + " where ag.unit_code = c.commune_code and ag.kind = 'COMMUNE_CULTURE_SOCIAL' and g.role = 'STAFF'"
        + " and a.resource_type_ = " + Resources.HISTORIC_PROCESS_INSTANCE.resourceType()
        + " and a.resource_id_ = c.process_instance_id)")).as("cases their ward's office cannot read").isZero();
  }

  /**
   * Tasklist's first page (15 tasks, by due date) of "Việc của nhóm tôi", run by the engine under the user's
   * authentication with the groups the user has now, after the reform.
   */
  private void measureTaskLists() {
    FilterService filters = engine.getFilterService();
    Filter filter = filters.createTaskFilterQuery().filterName(MY_GROUPS_FILTER).singleResult();
    List<Long> all = new ArrayList<>();
    for (String user : NEW_STRUCTURE_USERS) {
      List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId).toList();
      long total = as(user, groups, () -> filters.count(filter.getId()));
      figures.setting("tasks in " + user + "'s list " + groups, total);
      List<Long> micros = new ArrayList<>();
      for (int i = 0; i < QUERY_REPEATS + 20; i++) {
        long begin = System.nanoTime();
        List<Task> page = as(user, groups, () -> filters.<Task, TaskQuery>listPage(filter.getId(),
            engine.getTaskService().createTaskQuery().orderByDueDate().asc(), 0, 15));
        long elapsed = (System.nanoTime() - begin) / 1_000;
        assertThat(page).hasSize((int) Math.min(15, total));
        if (i >= 20) {
          micros.add(elapsed);
        }
      }
      figures.latencies("task list '" + MY_GROUPS_FILTER + "' " + user, micros);
      all.addAll(micros);
    }
    figures.latencies("task list '" + MY_GROUPS_FILTER + "', first page, all users of the new structure", all);
  }

  private <T> T as(String user, List<String> groups, java.util.function.Supplier<T> work) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void recordVolumes(String when) {
    for (String table : List.of("act_ru_task", "act_ru_authorization", "act_hi_procinst", "act_hi_taskinst",
        "case_file", "case_step_record")) {
      figures.setting("rows in " + table + " " + when, count("select count(*) from " + table));
    }
  }

  private HttpResponse<String> post(String path, String body, String type) throws IOException, InterruptedException {
    String credentials = Base64.getEncoder().encodeToString("quantri:demo123".getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + credentials).header("Content-Type", type)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Runs {@code work} for 0..count-1 on the driver threads; the first failure fails the benchmark. */
  private void run(String name, int count, IntConsumer work) throws Exception {
    AtomicInteger next = new AtomicInteger();
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
          if ((i + 1) % 1000 == 0) {
            System.out.printf("BENCHMARK progress %s: %d of %d, %.0f s%n", name, i + 1, count, seconds(start));
          }
        }
      }));
    }
    for (Future<?> thread : running) {
      thread.get();
    }
    threads.shutdown();
    if (!failures.isEmpty()) {
      throw new AssertionError(failures.size() + " of " + count + " failed in " + name, failures.get(0));
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
