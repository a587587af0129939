package vn.nangbuoc.unitreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Takes unit reports through their process as the people of the 2024 city would: the communes' caseworkers
 * prepare, a head of the commune (a user made for the test: the demo names none) signs, the city's labour office
 * reviews. Each test opens a period of its own.
 */
class UnitReportDriver {

  private static final AtomicInteger PERIODS = new AtomicInteger();

  private final ProcessEngine engine;
  private final ReportPeriods periods;

  UnitReportDriver(ProcessEngine engine, ReportPeriods periods) {
    this.engine = engine;
    this.periods = periods;
  }

  /** The head of a commune's People's Committee: created once, kept for the other tests of the run. */
  String headOf(String commune, String groupId) {
    String userId = "tt" + commune.toLowerCase();
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName("Chủ tịch");
      user.setLastName("UBND " + commune);
      user.setPassword("demo123");
      user.setEmail(userId + "@demo.nangbuoc.vn");
      identity.saveUser(user);
      identity.createMembership(userId, groupId);
    }
    return userId;
  }

  /** Declares and opens a period of the city whose communes send by {@code deadline}. */
  String openPeriod(LocalDate deadline, LocalDate preparationOpens) {
    String code = "T" + (System.nanoTime() % 100_000) + PERIODS.incrementAndGet();
    periods.create(new ReportPeriods.PeriodRequest(code, "Báo cáo thử " + code, null, 2026, null, null, "TPLANGSON",
        List.of(), preparationOpens, deadline, null, null), "quantri");
    periods.open(code, "quantri");
    return code;
  }

  /** The report's process after its preparation opened (its timer fired). */
  ProcessInstance startPreparing(String period, String commune) {
    ProcessInstance report = instance(period, commune);
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(report.getId()).timers()
        .activityId("Timer_PreparationOpens").singleResult();
    engine.getManagementService().executeJob(timer.getId());
    return report;
  }

  ProcessInstance instance(String period, String commune) {
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey("BC-" + period + "-" + commune).singleResult();
  }

  Task task(ProcessInstance report) {
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(report.getId()).list();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  void prepare(String user, ProcessInstance report, int sessions, String correctionReason) {
    Map<String, Object> fields = new HashMap<>(Map.of("record_communicationSessions", sessions,
        "record_trainings", 2, "record_staffTrained", 25, "record_caregiversTakingPart", 40,
        "record_childrenTakingPart", 30, "record_difficulties", "Thiếu kinh phí truyền thông; đề nghị bổ sung."));
    if (correctionReason != null) {
      fields.put("record_correctionReason", correctionReason);
    }
    complete(user, report, UnitReport.TASK_PREPARE, fields);
  }

  void signOff(String user, ProcessInstance report, String decision, String note) {
    Map<String, Object> fields = new HashMap<>(Map.of(UnitReport.VAR_SIGN_OFF_DECISION, decision));
    if (note != null) {
      fields.put("record_signOffNote", note);
    }
    complete(user, report, UnitReport.TASK_SIGN_OFF, fields);
  }

  void review(String user, ProcessInstance report, String decision, String note) {
    Map<String, Object> fields = new HashMap<>(Map.of(UnitReport.VAR_REVIEW_DECISION, decision));
    if (note != null) {
      fields.put("record_receiverNote", note);
    }
    complete(user, report, UnitReport.TASK_REVIEW, fields);
  }

  void complete(String user, ProcessInstance report, String taskKey, Map<String, Object> fields) {
    Task task = task(report);
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    as(user, () -> {
      engine.getTaskService().complete(task.getId(), fields);
      return null;
    });
  }

  <T> T as(String user, Supplier<T> work) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
