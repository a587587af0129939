package vn.nangbuoc.system;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import vn.nangbuoc.PageBrowser;

/**
 * Children taken through the pathway over the application's REST API as its users do, for tests that run
 * the application in a process of its own (or a previous release of it): list a child, complete a task as
 * a named user, or walk a pathway to its end with each open task completed by a user of the group it is
 * routed to (found over the API, not named), a due follow-up timer left to the job executor and one due
 * later run at once by the administrator, as Cockpit's "execute job" does.
 */
final class PathwaysOverHttp {

  private static final String ADMIN = "quantri";
  private static final String PASSWORD = DemoUserRequests.PASSWORD;
  /** The surgery of the walked children: long enough ago that every follow-up visit is due at once. */
  private static final LocalDate SURGERY_DAY = LocalDate.now().minusMonths(8);

  private static final List<String> FAMILY_NAMES = List.of("Lương", "Hoàng", "Nông", "Vi", "Lý", "Chu", "Đinh", "Mã");
  private static final List<String> GIVEN_NAMES = List.of("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Linh",
      "Minh", "Ngọc", "Phúc", "Quang", "Sơn", "Thảo", "Tú", "Yến");
  /** How the engine's REST API writes a date. */
  private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  /** The application refuses an engine list asked for without a page. */
  private static final String PAGE = "firstResult=0&maxResults=50";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
  };
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
  };

  private final Function<String, URI> address;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, String> workerOfGroup = new ConcurrentHashMap<>();
  private final AtomicLong requestsSent = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();

  /** {@code address} turns a path ("/api/cases") into the application's address for it. */
  PathwaysOverHttp(Function<String, URI> address) {
    this.address = address;
  }

  /** A child's name of its own for each number, as the listing takes it (letters and spaces). */
  static String childName(int number) {
    return FAMILY_NAMES.get(number % FAMILY_NAMES.size()) + " Văn "
        + GIVEN_NAMES.get(number / FAMILY_NAMES.size() % GIVEN_NAMES.size());
  }

  /** A child listed by the caseworker of Mai Pha: its case file and pathway. */
  Listed list(String fullName) {
    Map<String, Object> child = new HashMap<>(Map.of("fullName", fullName, "dateOfBirth", "05/06/2020",
        "sex", "MALE", "ethnicity", "Tày", "address", "Thôn Khòn Khuyến", "conditionGroup", "CLEFT_LIP_PALATE",
        "caregiverName", "Lương Thị Hằng", "caregiverRelation", "MOTHER", "caregiverPhone", "0987654321"));
    child.put("newChildConfirmed", true);
    HttpResponse<String> created = send("POST", "/api/cases", "cbmaipha", child);
    check(created.statusCode() == 201, "listing answered " + created.statusCode() + ": " + created.body());
    Map<String, Object> summary = read(created.body(), OBJECT);
    return new Listed(((Number) summary.get("id")).longValue(), (String) summary.get("processInstanceId"));
  }

  record Listed(long caseId, String pathway) {
  }

  /** Completes the pathway's one open task, which must be {@code taskKey} and seen by {@code user}. */
  void complete(String pathway, String user, String taskKey, Map<String, Object> values) {
    List<Map<String, Object>> tasks = engineList("/engine-rest/task?processInstanceId=" + pathway, user);
    check(tasks.size() == 1 && taskKey.equals(tasks.get(0).get("taskDefinitionKey")),
        "pathway " + pathway + " shows " + user + " " + keys(tasks) + ", not " + taskKey);
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    HttpResponse<String> done = send("POST", "/engine-rest/task/" + tasks.get(0).get("id") + "/submit-form",
        user, Map.of("variables", typed));
    check(done.statusCode() == 204, taskKey + " by " + user + " answered " + done.statusCode() + ": " + done.body());
  }

  /** The key of the pathway's one open task, or null when it waits at none; fails on two. */
  String openTask(String pathway) {
    List<Map<String, Object>> tasks = tasks(pathway);
    check(tasks.size() <= 1, "pathway " + pathway + " has open tasks " + keys(tasks));
    return tasks.isEmpty() ? null : (String) tasks.get(0).get("taskDefinitionKey");
  }

  /** The user who does the open task's everyday work in the group it is routed to. */
  String routedUser(String pathway) {
    return routedUser(tasks(pathway).get(0));
  }

  private String routedUser(Map<String, Object> task) {
    List<Map<String, Object>> links = read(send("GET", "/engine-rest/task/" + task.get("id") + "/identity-links",
        ADMIN, null).body(), LIST);
    String group = links.stream().filter(link -> "candidate".equals(link.get("type")) && link.get("groupId") != null)
        .map(link -> (String) link.get("groupId")).findFirst()
        .orElseThrow(() -> new AssertionError(task.get("taskDefinitionKey") + " is routed to no group: " + links));
    return workerOf(group);
  }

  /**
   * Walks the pathway to its end from wherever it is: each open task completed by its routed user with
   * the values that take it forward, each follow-up timer run. Returns the steps taken, in order.
   */
  List<String> walkToEnd(String pathway, Duration timeout) throws InterruptedException {
    return walk(pathway, timeout, () -> true, (task, sentAt, answeredAt) -> {
    });
  }

  /** What a walk tells of each task it completed, with when it sent the completion and had its answer. */
  interface Journal {
    void completed(String taskKey, long sentAtNanos, long answeredAtNanos);
  }

  /**
   * {@link #walkToEnd}, told of each completion, that stops before its next step once {@code goOn} says so;
   * returns the steps taken.
   */
  List<String> walk(String pathway, Duration timeout, BooleanSupplier goOn, Journal journal)
      throws InterruptedException {
    List<String> steps = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && goOn.getAsBoolean()) {
      List<Map<String, Object>> open = tasks(pathway);
      check(open.size() <= 1, "pathway " + pathway + " has open tasks " + keys(open));
      if (!open.isEmpty()) {
        check(steps.size() < 40, "pathway " + pathway + " goes round: " + steps);
        String task = (String) open.get(0).get("taskDefinitionKey");
        Map<String, Object> values = forward(pathway, task);
        String user = routedUser(open.get(0));
        long sentAt = System.nanoTime();
        complete(pathway, user, task, values);
        journal.completed(task, sentAt, System.nanoTime());
        steps.add(task);
      } else if (ended(pathway)) {
        return steps;
      } else if (runTimerDueLater(pathway)) {
        steps.add("timer");
      } else {
        Thread.sleep(100); // a due timer the job executor is about to run
      }
    }
    if (!goOn.getAsBoolean()) {
      return steps;
    }
    throw new AssertionError("pathway " + pathway + " did not end within " + timeout + " after " + steps);
  }

  /** Whether the pathway has ended: its history says COMPLETED. */
  boolean ended(String pathway) {
    Map<String, Object> history = read(send("GET", "/engine-rest/history/process-instance/" + pathway, ADMIN,
        null).body(), OBJECT);
    return "COMPLETED".equals(history.get("state"));
  }

  /** Runs the pathway's timer if it falls due later (a follow-up months away); false when none does. */
  private boolean runTimerDueLater(String pathway) {
    List<Map<String, Object>> timers = engineList("/engine-rest/job?timers=true&processInstanceId=" + pathway, ADMIN);
    for (Map<String, Object> timer : timers) {
      Instant due = Instant.from(ENGINE_DATE.parse((String) timer.get("dueDate")));
      if (due.isAfter(Instant.now().plusSeconds(5))) {
        HttpResponse<String> run = send("POST", "/engine-rest/job/" + timer.get("id") + "/execute", ADMIN, null);
        check(run.statusCode() == 204, "timer " + timer.get("id") + " answered " + run.statusCode() + ": "
            + run.body());
        return true;
      }
    }
    return false;
  }

  /** The values that take the pathway on along its surgery path from {@code taskKey}. */
  Map<String, Object> forward(String pathway, String taskKey) {
    String today = LocalDate.now().toString();
    return switch (taskKey) {
      case "Task_ReviewListing" -> Map.of("listingDecision", "ACCEPT");
      case "Task_CompleteListing" -> Map.of("record_fullName", "Lương Văn Tú", "record_dateOfBirth", "05/06/2020",
          "record_sex", "MALE", "record_address", "Thôn Khòn Khuyến", "record_conditionGroup", "CLEFT_LIP_PALATE",
          "record_caregiverName", "Lương Thị Hằng", "record_caregiverRelation", "MOTHER",
          "record_completionNote", "Đã bổ sung địa chỉ");
      case "Task_RecordScreening" -> Map.of("indication", "SURGERY", "record_screeningDate",
          SURGERY_DAY.minusDays(30).toString(), "record_conditionGroup", "CLEFT_LIP_PALATE",
          "record_finding", "Khe hở môi trái", "record_doctor", "");
      case "Task_PrepareReferral" -> Map.of("record_hospital", "Bệnh viện Nhi Trung ương",
          "record_procedure", "Tạo hình môi", "record_estimatedCost", 5_000_000, "familyConsent", "true",
          "record_referralNote", "");
      case "Task_CounselFamily" -> Map.of("counsellingOutcome", "CONSENTED",
          "record_counsellingNote", "Gia đình đồng ý sau khi được tư vấn");
      case "Task_ApproveFunding" -> Map.of("fundingDecision", "APPROVED");
      case "Task_SeekOtherFunding" -> Map.of("otherFundingFound", "true", "record_fundingSource", "CHARITY",
          "record_fundingNote", "Hội Chữ thập đỏ tài trợ");
      case "Task_RecordDisbursement" -> Map.of("record_amountPaid", 5_000_000, "record_paidOn", today,
          "record_payee", "HOSPITAL", "record_voucherNumber", "PC-" + pathway.substring(0, 8));
      case "Task_RecordSurgeryResult" -> Map.of("surgeryStatus", "DONE", "record_surgeryDate",
          SURGERY_DAY.toString(), "record_surgeryOutcome", "Tốt");
      case "Task_SettleCosts" -> Map.of("record_actualCost", 5_000_000, "record_invoiceNumber",
          "HĐ-" + pathway.substring(0, 8));
      case "Task_ApproveTopUp" -> Map.of("topUpDecision", "APPROVED", "record_topUpReason", "Chi phí thực tế cao hơn");
      case "Task_ArrangeService" -> Map.of("record_serviceDescription", "Phục hồi chức năng tại nhà",
          "record_provider", "Trung tâm Y tế thành phố", "record_serviceStart", SURGERY_DAY.toString());
      case "Task_FollowUpVisit" -> Map.of("record_visitDate", today, "record_childState", "Trẻ ăn uống tốt",
          "record_moreServicesNeeded", "false");
      case "Task_CloseCase" -> Map.of("closureOutcome", "SURGERY".equals(variable(pathway, "indication"))
          ? "SURGERY_COMPLETED" : "SERVICE_PROVIDED");
      default -> throw new AssertionError("no values to take " + taskKey + " forward");
    };
  }

  private Object variable(String pathway, String name) {
    HttpResponse<String> answer = send("GET", "/engine-rest/process-instance/" + pathway + "/variables/" + name,
        ADMIN, null);
    return answer.statusCode() == 200 ? read(answer.body(), OBJECT).get("value") : null;
  }

  /** The member of the group in the fewest groups: the officer prepares, the head (also a member) approves. */
  private String workerOf(String group) {
    return workerOfGroup.computeIfAbsent(group, id -> engineList("/engine-rest/user?memberOfGroup=" + id, ADMIN)
        .stream().map(user -> (String) user.get("id"))
        .min(Comparator.comparingInt((String user) -> engineList("/engine-rest/group?member=" + user, ADMIN).size())
            .thenComparing(user -> user))
        .orElseThrow(() -> new AssertionError("no member in group " + id)));
  }

  private List<Map<String, Object>> tasks(String pathway) {
    return engineList("/engine-rest/task?processInstanceId=" + pathway, ADMIN);
  }

  /** An engine list as {@code user} sees it, its first page. */
  private List<Map<String, Object>> engineList(String query, String user) {
    HttpResponse<String> answer = send("GET", query + "&" + PAGE, user, null);
    check(answer.statusCode() == 200, query + " answered " + answer.statusCode() + ": " + answer.body());
    return read(answer.body(), LIST);
  }

  /**
   * Opens the case's page as {@code user} signed in at the product's login, as a browser does; returns
   * the page's status and text.
   */
  HttpResponse<String> casePage(long caseId, String user) {
    HttpResponse<String> loginPage = send(HttpRequest.newBuilder(address.apply("/dang-nhap")).GET());
    String form = "username=" + user + "&password=" + PASSWORD + "&_csrf="
        + URLEncoder.encode(PageBrowser.csrfToken(loginPage.body()), StandardCharsets.UTF_8);
    HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(address.apply("/dang-nhap"))
        .header("Cookie", cookies(loginPage)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    check(loggedIn.statusCode() == 302, "login of " + user + " answered " + loggedIn.statusCode());
    return send(HttpRequest.newBuilder(address.apply("/ho-so/" + caseId)).header("Cookie", cookies(loggedIn)).GET());
  }

  HttpResponse<String> send(String method, String path, String user, Object body) {
    return send(DemoUserRequests.asUser(address.apply(path), user, method, body));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    requestsSent.incrementAndGet();
    inFlight.incrementAndGet();
    try {
      return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** The requests sent so far. */
  long requestsSent() {
    return requestsSent.get();
  }

  /** The requests sent and not answered yet. */
  int inFlight() {
    return inFlight.get();
  }

  private static String cookies(HttpResponse<String> response) {
    return String.join("; ", response.headers().allValues("Set-Cookie").stream()
        .map(c -> c.substring(0, c.indexOf(';'))).toList());
  }

  private static List<Object> keys(List<Map<String, Object>> tasks) {
    return tasks.stream().map(t -> t.get("taskDefinitionKey")).toList();
  }

  static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(json, e);
    }
  }

  private static void check(boolean holds, String otherwise) {
    if (!holds) {
      throw new AssertionError(otherwise);
    }
  }
}
