package vn.nangbuoc.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.PostgresTestDatabase;

/**
 * Two application nodes, each a JVM of its own, on one fresh PostgreSQL database and one SMTP server,
 * used through one address as a load balancer without sticky sessions would: a login made on one node
 * works on the other, for the product's pages and for the Camunda webapps. Then node 1 is killed with
 * SIGKILL in the middle of a batch of task completions sent to it, while it runs the follow-up timers
 * they make due and holds a mail it is sending; node 2 takes over the jobs node 1 had locked and the
 * mail it had claimed within the lock and claim times (printed), and afterwards no job ran twice, no
 * mail arrived twice, every pathway waits at a task and nothing failed.
 */
class TwoNodesPostgresIT {

  /** camunda.bpm.job-execution.lock-time-in-millis + max-wait, nangbuoc.mail.claim-for + send-every. */
  private static final Duration JOB_TAKEOVER_BOUND = Duration.ofSeconds(30 + 5);
  private static final Duration MAIL_TAKEOVER_BOUND = Duration.ofSeconds(60 + 5);
  /** What a machine this busy adds: two nodes, PostgreSQL and the test share two cores. */
  private static final Duration SLACK = Duration.ofSeconds(15);
  private static final int TIMER_CHILDREN = 30;
  private static final int REVIEW_CHILDREN = 24;
  private static final List<String> MAIL_READERS = List.of("cbmaipha", "cvldtbxh", "tpldtbxh", "bsttyt",
      "cvtaichinh");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
  };
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
  };

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<AutoCloseable> started = new ArrayList<>();
  private String databaseUrl;
  private NodeProcess node1;
  private NodeProcess node2;
  private final AtomicInteger balancer = new AtomicInteger();

  @AfterEach
  void stop() throws Exception {
    Collections.reverse(started);
    for (AutoCloseable each : started) {
      each.close();
    }
  }

  @Test
  void shouldKeepLoginsAcrossNodesAndTakeOverTheWorkOfAKilledNode() throws Exception {
    databaseUrl = PostgresTestDatabase.another("nodes");
    GreenMail smtp = new GreenMail(new ServerSetup(NodeProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    started.add(smtp::stop);
    // node 1's mail server answers 15 s late (read timeout 20 s): it holds the mail it claimed meanwhile
    SlowGreetingRelay slowRelay = SlowGreetingRelay.to(smtp.getSmtp().getPort(), Duration.ofSeconds(15));
    started.add(slowRelay);
    Path logs = Path.of("target", "two-nodes");
    // and it looks for mail every second, node 2 every 5 s (the default): node 1 claims most of what is written
    // while it is not stuck in a send, so that it is holding a mail when it is killed, however busy the machine
    node1 = NodeProcess.start(databaseUrl, slowRelay.port(), logs.resolve("node1.log"),
        "--nangbuoc.mail.send-every=PT1S");
    started.add(node1);
    // the first node makes the schema; the second starts on it, as a node added to a running cluster does
    System.out.printf("Two nodes: node 1 healthy after %.1f s%n", node1.awaitHealthy(Duration.ofMinutes(4)));
    node2 = NodeProcess.start(databaseUrl, smtp.getSmtp().getPort(), logs.resolve("node2.log"));
    started.add(node2);
    System.out.printf("Two nodes: node 2 healthy after %.1f s%n", node2.awaitHealthy(Duration.ofMinutes(4)));

    assertProductPageLoginWorksOnTheOtherNode();
    List<String> webappSession = webappLogin(node1, "cvldtbxh");
    assertWebappSessionWorksOn(node2, webappSession, "cvldtbxh");

    for (String user : MAIL_READERS) {
      assertThat(send(next(), "PUT", "/api/me/notifications", user, Map.of("mode", "IMMEDIATE")).statusCode())
          .isEqualTo(200);
    }
    LocalDate longAgo = LocalDate.now().minusMonths(8);
    List<String> timerPathways = parallel(TIMER_CHILDREN, i -> {
      String pathway = list();
      walkToSettlement(pathway, i, longAgo);
      return pathway;
    });
    List<String> reviewPathways = parallel(REVIEW_CHILDREN, i -> list());

    // the batch, all sent to node 1: settling the costs of surgeries eight months ago makes their first
    // follow-up visit due at once (node 1's job executor runs it), and reviews of new listings
    List<Step> batch = new ArrayList<>();
    for (int i = 0; i < Math.max(TIMER_CHILDREN, REVIEW_CHILDREN); i++) {
      int child = i;
      if (i < TIMER_CHILDREN) {
        batch.add(new Step(timerPathways.get(child), "cvtaichinh", "Task_SettleCosts",
            Map.of("record_actualCost", 5_000_000, "record_invoiceNumber", "HĐ-" + child)));
      }
      if (i < REVIEW_CHILDREN) {
        batch.add(new Step(reviewPathways.get(child), "cvldtbxh", "Task_ReviewListing",
            Map.of("listingDecision", "ACCEPT")));
      }
    }
    AtomicBoolean node1Alive = new AtomicBoolean(true);
    Map<String, AtomicInteger> outcomes = new ConcurrentSkipListMap<>();
    ExecutorService clients = Executors.newFixedThreadPool(6);
    List<Future<?>> requests = batch.stream().map(step -> clients.submit(() -> {
      String outcome = complete(step, node1Alive);
      outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
    })).collect(Collectors.toList());

    String node1Name = node1.namePrefix() + "%";
    try (Connection db = DriverManager.getConnection(databaseUrl)) {
      // kill -9 when node 1 holds a job and a mail, a quarter of the batch done
      long waitUntil = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!(requests.stream().filter(Future::isDone).count() >= batch.size() / 4 && count(db, "select count(*)"
          + " from act_ru_job where lock_owner_ like ? and lock_exp_time_ is not null", node1Name) > 0
          && count(db, "select count(*) from mail_outbox where status = 'SENDING' and claimed_by like ?",
          node1Name) > 0)
          && requests.stream().anyMatch(r -> !r.isDone()) && System.nanoTime() < waitUntil) {
        Thread.sleep(5);
      }
      long killedAt = System.nanoTime();
      node1.kill();
      // the balancer's health check takes node 1 out: what it did not answer goes to node 2
      node1Alive.set(false);
      List<String> heldJobs = strings(db, "select id_ || ' (lock runs out ' || to_char(lock_exp_time_, 'HH24:MI:SS')"
          + " || ')' from act_ru_job where lock_owner_ like ? and lock_exp_time_ is not null", node1Name);
      List<String> heldMails = strings(db, "select id || ' (claim runs out ' || to_char(claimed_until, 'HH24:MI:SS')"
          + " || ')' from mail_outbox where status = 'SENDING' and claimed_by like ?", node1Name);
      System.out.printf("Two nodes: node 1 killed (SIGKILL) at %s with %d of %d completions answered; it held %d jobs"
          + " %s and %d mails %s%n", java.time.LocalTime.now().withNano(0), requests.stream().filter(Future::isDone)
          .count(), batch.size(), heldJobs.size(), heldJobs, heldMails.size(), heldMails);
      assertThat(heldJobs).as("jobs node 1 had locked when it died").isNotEmpty();
      assertThat(heldMails).as("mails node 1 was sending when it died").isNotEmpty();

      // taken over: run or locked by node 2 (a job), claimed by node 2 (a mail); both watched at once
      double jobsTakenOver = -1;
      double mailsTakenOver = -1;
      long deadline = killedAt + TimeUnit.MINUTES.toNanos(3);
      while ((jobsTakenOver < 0 || mailsTakenOver < 0) && System.nanoTime() < deadline) {
        double since = (System.nanoTime() - killedAt) / 1e9;
        if (jobsTakenOver < 0
            && count(db, "select count(*) from act_ru_job where lock_owner_ like ?", node1Name) == 0) {
          jobsTakenOver = since;
        }
        if (mailsTakenOver < 0 && count(db, "select count(*) from mail_outbox where claimed_by like ?"
            + " and status = 'SENDING'", node1Name) == 0) {
          mailsTakenOver = since;
        }
        Thread.sleep(200);
      }
      System.out.printf("Two nodes: takeover after kill -9: the jobs node 1 had locked taken over by node 2 after"
          + " %.1f s, the mails it had claimed after %.1f s%n", jobsTakenOver, mailsTakenOver);
      assertThat(jobsTakenOver).isBetween(0.0, (double) JOB_TAKEOVER_BOUND.plus(SLACK).toSeconds());
      assertThat(mailsTakenOver).isBetween(0.0, (double) MAIL_TAKEOVER_BOUND.plus(SLACK).toSeconds());
      clients.shutdown();
      assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
      System.out.println("Two nodes: the batch's completions: " + outcomes);
      assertThat(outcomes.values().stream().mapToInt(AtomicInteger::get).sum()).as("completions done, wherever")
          .isEqualTo(batch.size());

      // the session made on node 1 outlives it
      assertWebappSessionWorksOn(node2, webappSession, "cvldtbxh");

      // everything that was due is done, every mail written is out
      secondsUntil(System.nanoTime(), () -> count(db, "select count(*) from act_ru_job where type_ = 'timer'"
          + " and duedate_ <= current_timestamp and retries_ > 0", null) == 0
          && count(db, "select count(*) from mail_outbox where status in ('PENDING', 'SENDING')", null) == 0
          && smtp.getReceivedMessages().length == count(db, "select count(*) from mail_outbox where"
          + " status = 'SENT'", null), Duration.ofMinutes(3));
      assertInvariants(db, smtp, timerPathways.size() + reviewPathways.size());
    }
  }

  private void assertProductPageLoginWorksOnTheOtherNode() {
    HttpResponse<String> loginPage = send(request(node1, "/dang-nhap").GET());
    String form = "username=cvldtbxh&password=demo123&_csrf="
        + URLEncoder.encode(PageBrowser.csrfToken(loginPage.body()), StandardCharsets.UTF_8);
    HttpResponse<String> loggedIn = send(request(node1, "/dang-nhap").header("Cookie", cookies(loginPage))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(loggedIn.statusCode()).isEqualTo(302);
    assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).endsWith("/trang-chu");

    // the home page leads a labour office's person to the case files
    HttpResponse<String> home = send(request(node2, "/trang-chu").header("Cookie", cookies(loggedIn)).GET());
    assertThat(home.headers().firstValue("Location").orElse("")).doesNotEndWith("/dang-nhap");
    HttpResponse<String> cases = send(request(node2, "/ho-so").header("Cookie", cookies(loggedIn)).GET());
    assertThat(cases.statusCode()).isEqualTo(200);
    assertThat(cases.body()).contains("Trần Thị Lan", "Đăng xuất");
    // without the cookie node 2 asks for a login: it is the session that travelled
    assertThat(send(request(node2, "/ho-so").GET()).headers().firstValue("Location").orElse(""))
        .endsWith("/dang-nhap");
  }

  /**
   * Signs in as the browser does, once, at the product's login (which is the webapps' login too), then opens
   * Tasklist for its CSRF token; returns the cookies.
   */
  private List<String> webappLogin(NodeProcess node, String user) {
    HttpResponse<String> loginPage = send(request(node, "/dang-nhap").GET());
    List<String> cookies = new ArrayList<>(setCookies(loginPage));
    String form = "username=" + user + "&password=demo123&_csrf="
        + URLEncoder.encode(PageBrowser.csrfToken(loginPage.body()), StandardCharsets.UTF_8);
    HttpResponse<String> loggedIn = send(request(node, "/dang-nhap").header("Cookie", String.join("; ", cookies))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(302);
    renew(cookies, loggedIn);
    // Tasklist's page hands out the session's CSRF token, and its first request fills the webapps' login
    renew(cookies, send(request(node, "/camunda/app/tasklist/").header("Cookie", String.join("; ", cookies)).GET()));
    renew(cookies, send(request(node, "/camunda/api/admin/auth/user/default")
        .header("Cookie", String.join("; ", cookies)).GET()));
    return cookies;
  }

  private static void renew(List<String> cookies, HttpResponse<String> response) {
    for (String renewed : setCookies(response)) {
      cookies.removeIf(c -> c.startsWith(renewed.substring(0, renewed.indexOf('=') + 1)));
      cookies.add(renewed);
    }
  }

  /**
   * An engine query through the webapps (a POST: checked against the CSRF token of the session, as node 1
   * handed it out) and who the webapps think is logged in.
   */
  private void assertWebappSessionWorksOn(NodeProcess node, List<String> cookies, String user) throws IOException {
    HttpResponse<String> count = send(request(node, "/camunda/api/engine/engine/default/task/count")
        .header("Cookie", String.join("; ", cookies)).header("X-XSRF-TOKEN", xsrf(cookies))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
    assertThat(JSON.readValue(count.body(), OBJECT)).containsKey("count");
    HttpResponse<String> who = send(request(node, "/camunda/api/admin/auth/user/default")
        .header("Cookie", String.join("; ", cookies)).GET());
    assertThat(who.statusCode()).as(who.body()).isEqualTo(200);
    assertThat(JSON.readValue(who.body(), OBJECT)).containsEntry("userId", user);
    assertThat(send(request(node, "/camunda/api/admin/auth/user/default").GET()).statusCode()).isNotEqualTo(200);
  }

  private void assertInvariants(Connection db, GreenMail smtp, int pathways) throws Exception {
    assertThat(count(db, "select count(*) from act_ru_incident", null)).as("incidents").isZero();
    assertThat(count(db, "select count(*) from act_hi_job_log where job_state_ = 1", null)).as("failed jobs").isZero();
    // a job that ran twice has two successful entries in the job log: which, where and when. Not the history
    // cleanup: in its nightly window (01:00-05:00) it is one job that reschedules itself, the same id each run
    List<String> ranTwice = strings(db, "select job_id_ || ' ' || job_def_type_ || ' '"
        + " || coalesce(job_def_configuration_, '') || ' at ' || coalesce(act_id_, '') || ' on '"
        + " || coalesce(hostname_, '') || ' ' || to_char(timestamp_, 'HH24:MI:SS.MS') from act_hi_job_log"
        + " where job_state_ = 2 and job_id_ in (select job_id_ from act_hi_job_log where job_state_ = 2"
        + " and job_def_type_ <> 'history-cleanup' group by job_id_ having count(*) > 1)"
        + " order by job_id_, timestamp_", null);
    assertThat(ranTwice).as("jobs that ran twice").isEmpty();
    assertThat(count(db, "select count(*) from act_hi_job_log where job_state_ = 2 and job_def_type_ like 'timer%'",
        null)).as("follow-up timers run").isPositive();
    assertThat(count(db, "select count(*) from (select task_id from case_step_record where task_id is not null"
        + " group by task_id having count(*) > 1) twice", null)).as("steps recorded twice").isZero();
    assertThat(count(db, "select count(*) from act_ru_execution where id_ = proc_inst_id_", null))
        .as("running pathways").isEqualTo(pathways);
    assertThat(count(db, "select count(*) from act_ru_execution e where e.id_ = e.proc_inst_id_ and not exists"
        + " (select 1 from act_ru_task t where t.proc_inst_id_ = e.id_)", null)).as("pathways not at a task").isZero();
    assertThat(count(db, "select count(*) from (select proc_inst_id_ from act_ru_task group by proc_inst_id_"
        + " having count(*) > 1) twice", null)).as("pathways with two open tasks").isZero();

    List<String> keys = new ArrayList<>();
    Set<String> messageIds = new HashSet<>();
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      keys.add(header(mail, "X-NangBuoc-Mail"));
      messageIds.add(header(mail, "Message-ID"));
    }
    assertThat(keys).as("mails at the SMTP server").doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(strings(db, "select dedup_key from mail_outbox", null));
    assertThat(messageIds).hasSameSizeAs(keys);
    System.out.printf("Two nodes: %d pathways each at a task, %d mails received once each, %d of them taken over"
        + " from node 1, no job twice, no incident%n", pathways, keys.size(),
        count(db, "select count(*) from mail_attempt where outcome = 'TAKEN_OVER'", null));
  }

  /** One completion of the batch: the task of a pathway, by whom, with what. */
  private record Step(String pathway, String user, String taskKey, Map<String, Object> values) {
  }

  /**
   * Sends the completion to node 1 while it lives; what node 1 did not answer goes to node 2, as the
   * balancer sends it once node 1 is out: node 2 completes it unless node 1 had (and died before answering).
   */
  private String complete(Step step, AtomicBoolean node1Alive) {
    if (node1Alive.get()) {
      try {
        submit(node1, step.pathway(), step.user(), step.taskKey(), step.values());
        return "done by node 1";
      } catch (UncheckedIOException | AssertionError cutOff) {
        // node 1 died with the request (or answered it while dying): node 2 finds out what is left
      }
    }
    List<Map<String, Object>> tasks = tasks(node2, step.pathway(), step.user());
    if (tasks.size() == 1 && !step.taskKey().equals(tasks.get(0).get("taskDefinitionKey"))) {
      return "done by node 1, its answer lost";
    }
    submit(node2, step.pathway(), step.user(), step.taskKey(), step.values());
    return "done by node 2 after node 1 died";
  }

  private void walkToSettlement(String pathway, int child, LocalDate surgeryDay) {
    String today = LocalDate.now().toString();
    submit(next(), pathway, "cvldtbxh", "Task_ReviewListing", Map.of("listingDecision", "ACCEPT"));
    submit(next(), pathway, "bsttyt", "Task_RecordScreening", Map.of("indication", "SURGERY",
        "record_screeningDate", surgeryDay.minusDays(30).toString(), "record_conditionGroup", "CLEFT_LIP_PALATE",
        "record_finding", "Khe hở môi trái", "record_doctor", ""));
    submit(next(), pathway, "cvldtbxh", "Task_PrepareReferral", Map.of("record_hospital", "Bệnh viện Nhi Trung ương",
        "record_procedure", "Tạo hình môi", "record_estimatedCost", 5_000_000, "familyConsent", "true",
        "record_referralNote", ""));
    submit(next(), pathway, "tpldtbxh", "Task_ApproveFunding", Map.of("fundingDecision", "APPROVED"));
    submit(next(), pathway, "cvtaichinh", "Task_RecordDisbursement", Map.of("record_amountPaid", 5_000_000,
        "record_paidOn", today, "record_payee", "HOSPITAL", "record_voucherNumber", "PC-" + child));
    submit(next(), pathway, "cvldtbxh", "Task_RecordSurgeryResult", Map.of("surgeryStatus", "DONE",
        "record_surgeryDate", surgeryDay.toString(), "record_surgeryOutcome", "Tốt"));
  }

  private String list() {
    Map<String, Object> child = new HashMap<>(Map.of("fullName", "Lương Văn Tú", "dateOfBirth", "05/06/2020",
        "sex", "MALE", "ethnicity", "Tày", "address", "Thôn Khòn Khuyến", "conditionGroup", "CLEFT_LIP_PALATE",
        "caregiverName", "Lương Thị Hằng", "caregiverRelation", "MOTHER", "caregiverPhone", "0987654321"));
    child.put("newChildConfirmed", true); // the same child every time: listed again as a new child each time
    HttpResponse<String> created = send(next(), "POST", "/api/cases", "cbmaipha", child);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return (String) read(created.body(), OBJECT).get("processInstanceId");
  }

  private void submit(NodeProcess node, String pathway, String user, String taskKey, Map<String, Object> values) {
    List<Map<String, Object>> tasks = tasks(node, pathway, user);
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0)).containsEntry("taskDefinitionKey", taskKey);
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    HttpResponse<String> done = send(node, "POST", "/engine-rest/task/" + tasks.get(0).get("id") + "/submit-form",
        user, Map.of("variables", typed));
    assertThat(done.statusCode()).as(taskKey + ": " + done.body()).isEqualTo(204);
  }

  private List<Map<String, Object>> tasks(NodeProcess node, String pathway, String user) {
    return read(send(node, "GET", "/engine-rest/task?firstResult=0&maxResults=50&processInstanceId=" + pathway, user,
        null).body(), LIST);
  }

  /** Round robin over both nodes, as a load balancer without sticky sessions sends requests. */
  private NodeProcess next() {
    return balancer.getAndIncrement() % 2 == 0 ? node1 : node2;
  }

  private interface Child {
    String make(int index) throws Exception;
  }

  private static List<String> parallel(int children, Child make) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> made = IntStream.range(0, children).mapToObj(i -> threads.submit(() -> make.make(i)))
          .toList();
      List<String> pathways = new ArrayList<>();
      for (Future<String> each : made) {
        pathways.add(each.get());
      }
      return pathways;
    } finally {
      threads.shutdown();
    }
  }

  private HttpResponse<String> send(NodeProcess node, String method, String path, String user, Object body) {
    return send(DemoUserRequests.asUser(node.uri(path), user, method, body).timeout(Duration.ofSeconds(60)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.Builder request(NodeProcess node, String path) {
    return HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(60));
  }

  private static List<String> setCookies(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';'))).toList();
  }

  private static String cookies(HttpResponse<String> response) {
    return String.join("; ", setCookies(response));
  }

  private static String xsrf(List<String> cookies) {
    return cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring("XSRF-TOKEN=".length()))
        .reduce((first, last) -> last).orElseThrow();
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(json, e);
    }
  }

  private static String header(MimeMessage mail, String name) {
    try {
      return mail.getHeader(name)[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double secondsUntil(long since, BooleanSupplier done, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout);
      }
      Thread.sleep(250);
    }
    return (System.nanoTime() - since) / 1e9;
  }

  private static long count(Connection db, String sql, String parameter) {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      if (parameter != null) {
        query.setString(1, parameter);
      }
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static List<String> strings(Connection db, String sql, String parameter) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      if (parameter != null) {
        query.setString(1, parameter);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    }
  }
}
