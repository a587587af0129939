package vn.nangbuoc.benchmark;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.system.EngineTime;

/**
 * Takes children through the surgery path as the agencies' staff would, through the engine's Java
 * API with each step done by a member of the group the task is routed to, authenticated, so the
 * engine checks authorizations as it does for Tasklist. Counts the write transactions it makes:
 * each listing, task completion and timer is one engine transaction. Also walks one child of the
 * province demo (ProvinceDemoTest): who does each step is found from the routing, not named.
 */
public final class SurgeryPath {

  /** The steps of the whole path after the listing, in order; a step is a task or a follow-up timer. */
  public static final List<String> STEPS = List.of(ChildPathway.TASK_REVIEW_LISTING, ChildPathway.TASK_RECORD_SCREENING,
      ChildPathway.TASK_PREPARE_REFERRAL, ChildPathway.TASK_APPROVE_FUNDING, ChildPathway.TASK_RECORD_DISBURSEMENT,
      ChildPathway.TASK_RECORD_SURGERY_RESULT, ChildPathway.TASK_SETTLE_COSTS,
      "timer", ChildPathway.TASK_FOLLOW_UP_VISIT, "timer", ChildPathway.TASK_FOLLOW_UP_VISIT,
      "timer", ChildPathway.TASK_FOLLOW_UP_VISIT, ChildPathway.TASK_CLOSE_CASE);

  private final ProcessEngine engine;
  private final ListingService listing;
  private final OrganisationDirectory organisation;
  private final AtomicLong transactions = new AtomicLong();
  private final Map<String, String> workerOfGroup = new ConcurrentHashMap<>();
  private final Map<String, List<String>> groupsOfUser = new ConcurrentHashMap<>();

  public SurgeryPath(ProcessEngine engine, ListingService listing, OrganisationDirectory organisation) {
    this.engine = engine;
    this.listing = listing;
    this.organisation = organisation;
  }

  long transactions() {
    return transactions.get();
  }

  /** Lists the child as the caseworker of its commune; returns its pathway. */
  public String list(ChildListing child) {
    String caseworker = workerOf(organisation.responsibleAgency("COMMUNE_CHILD_CARE", "STAFF",
        child.communeCode()).groupId());
    String pathway = as(caseworker, () -> listing.list(child, caseworker).processInstanceId());
    transactions.incrementAndGet();
    return pathway;
  }

  /** The most a surgery costs here: the fund must hold this much per child. */
  static final long HIGHEST_COST = 40_000_000L;

  /**
   * Takes the first {@code steps} steps of {@link #STEPS}; all of them end the pathway. Each child's
   * surgery has its own cost, to the thousand đồng, as estimates do: above 30,000,000 đ the city's
   * vice chairman approves, below it the labour office's head.
   */
  void walk(String pathway, int steps) {
    walk(pathway, steps, 5_000_000L + ThreadLocalRandom.current().nextLong((HIGHEST_COST - 5_000_000L) / 1000) * 1000);
  }

  /** The first {@code steps} steps of {@link #STEPS} for a surgery estimated at {@code cost}. */
  public void walk(String pathway, int steps, long cost) {
    for (String step : STEPS.subList(0, steps)) {
      if (step.equals("timer")) {
        fireTimer(pathway);
      } else {
        complete(pathway, step, variables(step, cost));
      }
      transactions.incrementAndGet();
    }
  }

  private void complete(String pathway, String taskKey, Map<String, Object> variables) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pathway).singleResult();
    if (task == null || !task.getTaskDefinitionKey().equals(taskKey)) {
      throw new IllegalStateException("pathway " + pathway + " waits at " + (task == null ? "no task" :
          task.getTaskDefinitionKey()) + ", not at " + taskKey);
    }
    String group = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst().orElseThrow();
    String worker = workerOf(group);
    as(worker, () -> {
      engine.getTaskService().complete(task.getId(), variables);
      return null;
    });
  }

  /** The follow-up visit is due months later: its timer is run now, as the job executor would then. */
  private void fireTimer(String pathway) {
    List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(pathway).timers().list();
    if (timers.size() != 1) {
      throw new IllegalStateException("pathway " + pathway + " has " + timers.size() + " timers, expected one");
    }
    engine.getManagementService().executeJob(timers.get(0).getId());
  }

  private static Map<String, Object> variables(String taskKey, long cost) {
    // the engine's day: the open pathways are listed under a clock set back (PathwayScaleBenchmark)
    String today = EngineTime.today().toString();
    return switch (taskKey) {
      case ChildPathway.TASK_REVIEW_LISTING -> Map.of(ChildPathway.VAR_LISTING_DECISION, "ACCEPT");
      case ChildPathway.TASK_RECORD_SCREENING -> Map.of(ChildPathway.VAR_INDICATION, "SURGERY",
          "record_screeningDate", today, "record_conditionGroup", "CLEFT_LIP_PALATE",
          "record_finding", "Khe hở môi một bên, chỉ định phẫu thuật tạo hình",
          "record_doctor", "Đoàn bác sĩ Bệnh viện Nhi Trung ương");
      case ChildPathway.TASK_PREPARE_REFERRAL -> Map.of("record_hospital", "Bệnh viện Đa khoa tỉnh Lạng Sơn",
          "record_procedure", "Phẫu thuật tạo hình khe hở môi", "record_estimatedCost", cost,
          ChildPathway.VAR_FAMILY_CONSENT, "true");
      case ChildPathway.TASK_APPROVE_FUNDING -> Map.of(ChildPathway.VAR_FUNDING_DECISION, "APPROVED");
      case ChildPathway.TASK_RECORD_DISBURSEMENT -> Map.of("record_amountPaid", cost - 500_000, "record_paidOn", today,
          "record_payee", "HOSPITAL", "record_voucherNumber", "PC-0012");
      case ChildPathway.TASK_RECORD_SURGERY_RESULT -> Map.of(ChildPathway.VAR_SURGERY_STATUS, "DONE",
          "record_surgeryDate", today, "record_surgeryOutcome", "Phẫu thuật thành công");
      case ChildPathway.TASK_SETTLE_COSTS -> Map.of("record_actualCost", cost - 200_000,
          "record_invoiceNumber", "HĐ-2026-0042");
      case ChildPathway.TASK_FOLLOW_UP_VISIT -> Map.of("record_visitDate", today,
          "record_childState", "Trẻ ăn uống tốt, vết mổ lành", "record_moreServicesNeeded", "false");
      case ChildPathway.TASK_CLOSE_CASE -> Map.of(ChildPathway.VAR_CLOSURE_OUTCOME, "SURGERY_COMPLETED");
      default -> throw new IllegalArgumentException(taskKey);
    };
  }

  /**
   * The member of the group who does its everyday work: the one in the fewest groups, so the labour
   * office's officer prepares a referral and its head, who is also in the office's group, approves it
   * (four eyes).
   */
  private String workerOf(String group) {
    return workerOfGroup.computeIfAbsent(group, id -> engine.getIdentityService().createUserQuery()
        .memberOfGroup(id).list().stream().map(User::getId)
        .min(Comparator.comparingInt((String user) -> groupsOf(user).size()).thenComparing(user -> user))
        .orElseThrow(() -> new IllegalStateException("no member in group " + id)));
  }

  private List<String> groupsOf(String user) {
    return groupsOfUser.computeIfAbsent(user, id -> engine.getIdentityService().createGroupQuery().groupMember(id)
        .list().stream().map(Group::getId).toList());
  }

  public <T> T as(String user, Supplier<T> work) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user, groupsOf(user));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
