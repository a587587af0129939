package vn.nangbuoc.system;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.nangbuoc.system.DemoTraffic.Answer;

/**
 * One child of the 2024 city taken over HTTP through the whole surgery path by the demo users whose
 * work each step is: listed by the commune, reviewed, screened, a referral the family does not yet
 * agree to, counselling, the referral again, approval, disbursement, the surgery (eight months ago, so
 * that each follow-up visit falls due at once: the job executor runs its timer), settlement, three
 * follow-up visits and the closure. Through a fault each step is done as a person at Tasklist does it:
 * a request that failed is not trusted either way; the task list is read again, and the step is done
 * again only if its task is still there (the same task, by id), else it was done before the answer was
 * lost.
 */
final class SurgeryPathWalk {

  /** A step that fails longer than this stops the walk: the application did not recover. */
  private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);
  private static final Duration POLL = Duration.ofMillis(500);

  /** One task of the path: its key, who does it, what is entered. */
  record Step(String taskKey, String user, Map<String, Object> values) {
  }

  /** How a walk ended: closed, or where it stopped and why. */
  record Outcome(boolean closed, String stoppedAt, String reason) {
  }

  private final DemoTraffic traffic;
  private final long cost;

  SurgeryPathWalk(DemoTraffic traffic, long cost) {
    this.traffic = traffic;
    this.cost = cost;
  }

  static List<Step> steps(int child, long cost) {
    LocalDate surgeryDay = LocalDate.now().minusMonths(8);
    String today = LocalDate.now().toString();
    Map<String, Object> referral = Map.of("record_hospital", "Bệnh viện Nhi Trung ương",
        "record_procedure", "Tạo hình môi", "record_estimatedCost", cost, "record_referralNote", "");
    Map<String, Object> followUp = Map.of("record_visitDate", today, "record_childState", "Vết mổ lành, trẻ ăn tốt",
        "record_moreServicesNeeded", "false");
    return List.of(
        new Step("Task_ReviewListing", "cvldtbxh", Map.of("listingDecision", "ACCEPT")),
        new Step("Task_RecordScreening", "bsttyt", Map.of("indication", "SURGERY",
            "record_screeningDate", surgeryDay.minusDays(30).toString(), "record_conditionGroup", "CLEFT_LIP_PALATE",
            "record_finding", "Khe hở môi trái", "record_doctor", "")),
        new Step("Task_PrepareReferral", "cvldtbxh", with(referral, "familyConsent", "false")),
        new Step("Task_CounselFamily", "cbmaipha", Map.of("counsellingOutcome", "CONSENTED",
            "record_counsellingNote", "Gia đình đồng ý sau buổi tư vấn")),
        new Step("Task_PrepareReferral", "cvldtbxh", with(referral, "familyConsent", "true")),
        new Step("Task_ApproveFunding", "tpldtbxh", Map.of("fundingDecision", "APPROVED")),
        new Step("Task_RecordDisbursement", "cvtaichinh", Map.of("record_amountPaid", cost, "record_paidOn", today,
            "record_payee", "HOSPITAL", "record_voucherNumber", "PC-" + child)),
        new Step("Task_RecordSurgeryResult", "cvldtbxh", Map.of("surgeryStatus", "DONE",
            "record_surgeryDate", surgeryDay.toString(), "record_surgeryOutcome", "Tốt")),
        new Step("Task_SettleCosts", "cvtaichinh", Map.of("record_actualCost", cost,
            "record_invoiceNumber", "HĐ-" + child)),
        new Step("Task_FollowUpVisit", "cbmaipha", followUp),
        new Step("Task_FollowUpVisit", "cbmaipha", followUp),
        new Step("Task_FollowUpVisit", "cbmaipha", followUp),
        new Step("Task_CloseCase", "cvldtbxh", Map.of("closureOutcome", "SURGERY_COMPLETED")));
  }

  private static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
    Map<String, Object> more = new HashMap<>(values);
    more.put(name, value);
    return more;
  }

  Outcome walk(int child) {
    String pathway = list();
    if (pathway == null) {
      return new Outcome(false, "listing", "not listed within " + GIVE_UP_AFTER);
    }
    for (Step step : steps(child, cost)) {
      String stopped = take(pathway, step);
      if (stopped != null) {
        return new Outcome(false, step.taskKey(), stopped);
      }
    }
    return new Outcome(true, null, null);
  }

  /** The commune's caseworker lists the child; a listing whose answer was lost stays as a child of its own. */
  private String list() {
    Map<String, Object> child = new HashMap<>(Map.of("fullName", "Lương Văn Tú", "dateOfBirth", "05/06/2020",
        "sex", "MALE", "ethnicity", "Tày", "address", "Thôn Khòn Khuyến", "conditionGroup", "CLEFT_LIP_PALATE",
        "caregiverName", "Lương Thị Hằng", "caregiverRelation", "MOTHER", "caregiverPhone", "0987654321"));
    child.put("newChildConfirmed", true); // the same child every time: listed again as a new child each time
    long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    while (System.nanoTime() < deadline) {
      Answer created = traffic.send("POST", "/api/cases", "cbmaipha", child);
      if (created.is(201)) {
        return (String) created.read(DemoTraffic.OBJECT).get("processInstanceId");
      }
      pause();
    }
    return null;
  }

  /** Does the step; null when done, else why it stopped. */
  private String take(String pathway, Step step) {
    String triedTask = null;
    String lastFailure = "its task never came";
    long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    while (System.nanoTime() < deadline) {
      Answer tasks = traffic.send("GET", "/engine-rest/task?firstResult=0&maxResults=50&processInstanceId="
          + pathway, step.user(), null);
      if (!tasks.is(200)) {
        lastFailure = "task list: " + tasks.status() + " " + tasks.body();
        pause();
        continue;
      }
      Optional<Map<String, Object>> task = tasks.read(DemoTraffic.LIST).stream()
          .filter(each -> step.taskKey().equals(each.get("taskDefinitionKey"))).findFirst();
      if (triedTask != null && !task.map(each -> each.get("id")).filter(triedTask::equals).isPresent()) {
        return null; // the try whose answer failed had done it
      }
      if (task.isEmpty()) {
        pause(); // its timer has not run yet
        continue;
      }
      String taskId = (String) task.get().get("id");
      Map<String, Object> typed = new LinkedHashMap<>();
      step.values().forEach((name, value) -> typed.put(name, Map.of("value", value)));
      Answer done = traffic.send("POST", "/engine-rest/task/" + taskId + "/submit-form", step.user(),
          Map.of("variables", typed));
      if (done.is(204)) {
        return null;
      }
      if (done.status() == 400 || done.status() == 403) {
        return "refused: " + done.status() + " " + done.body();
      }
      triedTask = taskId;
      lastFailure = done.status() + " " + done.body();
      pause();
    }
    return "gave up after " + GIVE_UP_AFTER + ": " + lastFailure;
  }

  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
