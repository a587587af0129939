package vn.nangbuoc.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.listing.ListingService;

/** Takes a child through the pathway as the demo users would, one task at a time. */
public class PathwayDriver {

  private final ProcessEngine engine;
  private final ListingService listing;

  public PathwayDriver(ProcessEngine engine, ListingService listing) {
    this.engine = engine;
    this.listing = listing;
  }

  public static ChildListing child(String commune, LocalDate birth, ConditionGroup condition) {
    return new ChildListing("Nguyễn Văn An", birth, Sex.MALE, "Tày", null, "Thôn Pò Mỏ", commune, condition,
        "Nguyễn Thị Bích", CaregiverRelation.MOTHER, "0912345678");
  }

  public static String randomPersonalId() {
    return "0" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
  }

  public ProcessInstance list(String user, ChildListing child) {
    CaseFile file = as(user, () -> listing.list(child, user));
    return runtime().createProcessInstanceQuery().processInstanceId(file.processInstanceId()).singleResult();
  }

  /** A five-year-old with a cleft lip in Mai Pha, listed by the Mai Pha caseworker. */
  public ProcessInstance listEligibleChild() {
    return list("cbmaipha", child("MAIPHA", LocalDate.now().minusYears(5), ConditionGroup.CLEFT_LIP_PALATE));
  }

  public Task task(ProcessInstance pathway) {
    List<Task> tasks = tasks().createTaskQuery().processInstanceId(pathway.getId()).list();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  public void complete(String user, ProcessInstance pathway, String taskKey, Map<String, Object> variables) {
    Task task = task(pathway);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    as(user, () -> {
      tasks().complete(task.getId(), variables);
      return null;
    });
  }

  public <T> T as(String user, Supplier<T> work) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  public void review(ProcessInstance p, String decision) {
    Map<String, Object> vars = vars(ChildPathway.VAR_LISTING_DECISION, decision);
    if (!"ACCEPT".equals(decision)) {
      vars.put("record_reviewNote", "Thiếu giấy khai sinh");
    }
    complete("cvldtbxh", p, ChildPathway.TASK_REVIEW_LISTING, vars);
  }

  public void screen(ProcessInstance p, String indication) {
    Map<String, Object> vars = vars(ChildPathway.VAR_INDICATION, indication);
    if (!"ABSENT".equals(indication)) {
      vars.put("record_screeningDate", LocalDate.now().toString());
      vars.put("record_conditionGroup", "CLEFT_LIP_PALATE");
      vars.put("record_finding", "Khe hở môi một bên, chỉ định phẫu thuật tạo hình");
      vars.put("record_doctor", "Đoàn bác sĩ Bệnh viện Nhi Trung ương");
    }
    complete("bsttyt", p, ChildPathway.TASK_RECORD_SCREENING, vars);
  }

  public void prepareReferral(String user, ProcessInstance p, long cost, boolean consent) {
    complete(user, p, ChildPathway.TASK_PREPARE_REFERRAL, vars(
        "record_hospital", "Bệnh viện Đa khoa tỉnh Lạng Sơn",
        "record_procedure", "Phẫu thuật tạo hình khe hở môi",
        "record_estimatedCost", cost,
        ChildPathway.VAR_FAMILY_CONSENT, String.valueOf(consent)));
  }

  public void counsel(ProcessInstance p, String outcome) {
    complete("cbmaipha", p, ChildPathway.TASK_COUNSEL_FAMILY, vars(
        ChildPathway.VAR_COUNSELLING_OUTCOME, outcome, "record_counsellingNote", "Đã giải thích lợi ích phẫu thuật"));
  }

  public void approve(String user, ProcessInstance p, String decision) {
    Map<String, Object> vars = vars(ChildPathway.VAR_FUNDING_DECISION, decision);
    if (!"APPROVED".equals(decision)) {
      vars.put("record_decisionReason", "Quỹ đã hết kinh phí năm nay");
    }
    complete(user, p, ChildPathway.TASK_APPROVE_FUNDING, vars);
  }

  public void disburse(ProcessInstance p, long amount) {
    complete("cvtaichinh", p, ChildPathway.TASK_RECORD_DISBURSEMENT, vars(
        "record_amountPaid", amount, "record_paidOn", LocalDate.now().toString(),
        "record_payee", "HOSPITAL", "record_voucherNumber", "PC-0012"));
  }

  public void seekOtherFunding(ProcessInstance p, boolean found) {
    Map<String, Object> vars = vars(ChildPathway.VAR_OTHER_FUNDING_FOUND, String.valueOf(found),
        "record_fundingNote", found ? "Bảo hiểm y tế chi trả 80%" : "Không có tổ chức nào nhận hỗ trợ");
    if (found) {
      vars.put("record_fundingSource", "HEALTH_INSURANCE");
    }
    complete("cvldtbxh", p, ChildPathway.TASK_SEEK_OTHER_FUNDING, vars);
  }

  public void surgeryDone(ProcessInstance p) {
    complete("cvldtbxh", p, ChildPathway.TASK_RECORD_SURGERY_RESULT, vars(
        ChildPathway.VAR_SURGERY_STATUS, "DONE", "record_surgeryDate", LocalDate.now().toString(),
        "record_surgeryOutcome", "Phẫu thuật thành công"));
  }

  /** The finance office settles the surgery with the hospital's bill. */
  public void settle(ProcessInstance p, long actualCost) {
    complete("cvtaichinh", p, ChildPathway.TASK_SETTLE_COSTS, vars(
        "record_actualCost", actualCost, "record_invoiceNumber", "HĐ-2026-0042"));
  }

  /** As {@link #settle(ProcessInstance, long)}, with what health insurance and charity paid besides the bill. */
  public void settle(ProcessInstance p, long actualCost, long healthInsurancePaid, long charityPaid) {
    complete("cvtaichinh", p, ChildPathway.TASK_SETTLE_COSTS, vars(
        "record_actualCost", actualCost, "record_invoiceNumber", "HĐ-2026-0042",
        "record_healthInsurancePaid", healthInsurancePaid, "record_charityPaid", charityPaid));
  }

  public void surgeryPostponed(ProcessInstance p) {
    complete("cvldtbxh", p, ChildPathway.TASK_RECORD_SURGERY_RESULT, vars(
        ChildPathway.VAR_SURGERY_STATUS, "POSTPONED", "record_postponedTo", LocalDate.now().plusDays(14).toString(),
        "record_postponementReason", "Trẻ bị sốt"));
  }

  public void arrangeService(ProcessInstance p) {
    complete("cvldtbxh", p, ChildPathway.TASK_ARRANGE_SERVICE, vars(
        "record_serviceDescription", "Phục hồi chức năng vận động 3 buổi/tuần",
        "record_provider", "Trung tâm Y tế thành phố", "record_serviceStart", LocalDate.now().toString()));
  }

  /** Waits for the next follow-up timer, then records the visit. */
  public void followUp(ProcessInstance p) {
    executeOnlyJob(p);
    complete("cbmaipha", p, ChildPathway.TASK_FOLLOW_UP_VISIT, vars(
        "record_visitDate", LocalDate.now().toString(), "record_childState", "Trẻ ăn uống tốt, vết mổ lành",
        "record_moreServicesNeeded", "false"));
  }

  public void close(ProcessInstance p, String outcome) {
    complete("cvldtbxh", p, ChildPathway.TASK_CLOSE_CASE, vars(ChildPathway.VAR_CLOSURE_OUTCOME, outcome));
  }

  public void executeOnlyJob(ProcessInstance p) {
    List<Job> jobs = management().createJobQuery().processInstanceId(p.getId()).list();
    assertThat(jobs).hasSize(1);
    management().executeJob(jobs.get(0).getId());
  }

  public static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], keyValues[i + 1]);
    }
    return vars;
  }

  private TaskService tasks() {
    return engine.getTaskService();
  }

  private RuntimeService runtime() {
    return engine.getRuntimeService();
  }

  private ManagementService management() {
    return engine.getManagementService();
  }
}
