package vn.nangbuoc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Not a test of its own: the cases of the upgrade test's database, made by src/test/resources/upgrade/make-dump.sh
 * against the previous release running at -Dprevious-release.url. Children wait at every user task of the
 * pathway (two at the first), on a follow-up timer due in a month, and closed: through the whole surgery path,
 * and withdrawn by the family; and one moved to another commune, its task with the new commune's caseworker.
 */
class PreviousReleaseCases {

  private static final List<String> TO_FUNDING = List.of("Task_ReviewListing", "Task_RecordScreening",
      "Task_PrepareReferral");
  private static final List<String> TO_SETTLEMENT = List.of("Task_ReviewListing", "Task_RecordScreening",
      "Task_PrepareReferral", "Task_ApproveFunding", "Task_RecordDisbursement", "Task_RecordSurgeryResult",
      "Task_SettleCosts");

  private static final Map<String, Map<String, Object>> RETURNED = Map.of("Task_ReviewListing",
      Map.of("listingDecision", "RETURN", "record_reviewNote", "Thiếu địa chỉ thôn"));

  private PathwaysOverHttp pathways;
  private int children;

  @Test
  void makeTheCases() throws InterruptedException {
    String url = System.getProperty("previous-release.url");
    assertThat(url).as("-Dprevious-release.url: where make-dump.sh runs the previous release").isNotBlank();
    pathways = new PathwaysOverHttp(path -> URI.create(url + path));

    make("Chờ rà soát 1", List.of(), Map.of());
    make("Chờ rà soát 2", List.of(), Map.of());
    make("Chờ bổ sung", List.of("Task_ReviewListing"), RETURNED);
    make("Chờ khám", List.of("Task_ReviewListing"), Map.of());
    make("Chờ chuyển viện", List.of("Task_ReviewListing", "Task_RecordScreening"), Map.of());
    make("Chờ tư vấn", TO_FUNDING, Map.of("Task_PrepareReferral", referral(5_000_000, "false")));
    make("Chờ trưởng phòng duyệt", TO_FUNDING, Map.of());
    make("Chờ phó chủ tịch duyệt", TO_FUNDING, Map.of("Task_PrepareReferral", referral(35_000_000, "true")));
    make("Chờ nguồn khác", List.of("Task_ReviewListing", "Task_RecordScreening", "Task_PrepareReferral",
        "Task_ApproveFunding"), Map.of("Task_ApproveFunding", Map.of("fundingDecision", "REJECTED",
        "record_decisionReason", "Quỹ ưu tiên trẻ khác")));
    make("Chờ chi trả", TO_SETTLEMENT.subList(0, 4), Map.of());
    make("Chờ kết quả phẫu thuật", TO_SETTLEMENT.subList(0, 5), Map.of());
    make("Chờ quyết toán", TO_SETTLEMENT.subList(0, 6), Map.of());
    make("Chờ duyệt chi bổ sung", TO_SETTLEMENT, Map.of("Task_SettleCosts", Map.of("record_actualCost", 7_000_000,
        "record_invoiceNumber", "HĐ-BS-1")));
    make("Chờ đến hạn thăm", TO_SETTLEMENT, Map.of("Task_RecordSurgeryResult", Map.of("surgeryStatus", "DONE",
        "record_surgeryDate", LocalDate.now().toString(), "record_surgeryOutcome", "Tốt")));
    List<String> toVisits = new ArrayList<>(TO_SETTLEMENT);
    make("Chờ thăm lần 1", toVisits, Map.of());
    toVisits.add("Task_FollowUpVisit");
    make("Chờ thăm lần 2", toVisits, Map.of());
    toVisits.addAll(List.of("Task_FollowUpVisit", "Task_FollowUpVisit"));
    make("Chờ đóng hồ sơ", toVisits, Map.of());
    toVisits.add("Task_CloseCase");
    String closed = make("Đã đóng", toVisits, Map.of());
    assertThat(pathways.ended(closed)).isTrue();
    make("Chờ bố trí dịch vụ", List.of("Task_ReviewListing", "Task_RecordScreening"), Map.of("Task_RecordScreening",
        Map.of("indication", "REHABILITATION", "record_screeningDate", LocalDate.now().toString(),
            "record_conditionGroup", "MOTOR", "record_finding", "Cần phục hồi chức năng vận động")));

    PathwaysOverHttp.Listed withdrawn = pathways.list(PathwaysOverHttp.childName(children++));
    walk(withdrawn.pathway(), List.of("Task_ReviewListing"), Map.of());
    assertThat(pathways.send("POST", "/api/cases/" + withdrawn.caseId() + "/withdrawal", "cbmaipha",
        Map.of("reason", "Gia đình chuyển vào Nam")).statusCode()).isEqualTo(204);
    // moved while its listing waits to be completed by the commune: that task goes to the new commune's caseworker
    PathwaysOverHttp.Listed moved = pathways.list(PathwaysOverHttp.childName(children++));
    walk(moved.pathway(), List.of("Task_ReviewListing"), RETURNED);
    assertThat(pathways.send("POST", "/api/cases/" + moved.caseId() + "/move", "cbmaipha",
        Map.of("communeCode", "HOANGDONG")).statusCode()).isEqualTo(204);
    System.out.println("Previous release: cases made");
  }

  private static Map<String, Object> referral(long cost, String consent) {
    return Map.of("record_hospital", "Bệnh viện Nhi Trung ương", "record_procedure", "Tạo hình môi",
        "record_estimatedCost", cost, "familyConsent", consent, "record_referralNote", "");
  }

  /** Lists a child and takes the steps; returns its pathway. */
  private String make(String name, List<String> steps, Map<String, Map<String, Object>> choices)
      throws InterruptedException {
    String pathway = pathways.list(PathwaysOverHttp.childName(children++)).pathway();
    System.out.println("Previous release: " + name + ": " + pathway);
    walk(pathway, steps, choices);
    return pathway;
  }

  /** Completes the tasks in order, each by its routed user; a follow-up between them is left to its timer. */
  private void walk(String pathway, List<String> steps, Map<String, Map<String, Object>> choices)
      throws InterruptedException {
    for (String task : steps) {
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (!task.equals(pathways.openTask(pathway)) && System.nanoTime() < deadline) {
        Thread.sleep(200); // the job executor runs the follow-up timer due since the surgery eight months ago
      }
      Map<String, Object> values = new HashMap<>(pathways.forward(pathway, task));
      values.putAll(choices.getOrDefault(task, Map.of()));
      pathways.complete(pathway, pathways.routedUser(pathway), task, values);
    }
  }
}
