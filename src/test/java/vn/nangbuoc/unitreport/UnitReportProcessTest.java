package vn.nangbuoc.unitreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.system.EngineTime;

/**
 * Every path through bpmn/unit-report.bpmn on the real engine with the 2024 city: the commune prepares, its head
 * signs or returns, the city's labour office accepts or returns; a report not sent by its deadline is escalated; the
 * city's own, consolidated report, the top of the city's period, ends when the labour office's head signs it.
 * The coverage gate fails the class below 100%.
 */
@NangBuocSpringTest
class UnitReportProcessTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ReportPeriods periods;
  @Autowired
  UnitReportRecords records;
  @Autowired
  JdbcClient jdbc;

  UnitReportDriver driver;
  String head;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new UnitReportDriver(engine, periods);
    head = driver.headOf("CHILANG", "ubndChiLangHead");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldWaitUntilPreparationOpensThenRouteToTheCommune() {
    LocalDate today = EngineTime.today();
    String period = driver.openPeriod(today.plusMonths(2), today.plusMonths(1));
    ProcessInstance report = driver.instance(period, "CHILANG");

    assertThat(report).isWaitingAt("Timer_PreparationOpens");
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(report.getId()).singleResult();
    assertThat(timer.getDuedate()).isEqualTo(EngineTime.morningOf(today.plusMonths(1)));
    assertThat(records.byKey("BC-" + period + "-CHILANG").orElseThrow().state()).isEqualTo(ReportState.NOT_STARTED);
    // the eight communes report to the city; the city's own, consolidated report goes to nobody: it is the top
    List<UnitReportRow> communes = records.ofPeriod(period).stream().filter(r -> !r.unitCode().equals("TPLANGSON"))
        .toList();
    assertThat(communes).extracting(UnitReportRow::unitCode).hasSize(8).contains("MAIPHA");
    assertThat(communes).extracting(UnitReportRow::receivingUnitCode).containsOnly("TPLANGSON");
    assertThat(records.byKey("BC-" + period + "-TPLANGSON").orElseThrow().receivingUnitCode()).isNull();

    driver.startPreparing(period, "CHILANG");
    Task prepare = driver.task(report);
    assertThat(report).isWaitingAt(UnitReport.TASK_PREPARE).task().hasCandidateGroup("ubndChiLang");
    assertThat(prepare.getName()).isEqualTo("Lập báo cáo của đơn vị · BC-" + period + "-CHILANG · Phường Chi Lăng");
    assertThat(prepare.getDueDate()).isEqualTo(endOf(today.plusMonths(2)));
    assertThat(records.byKey("BC-" + period + "-CHILANG").orElseThrow().state()).isEqualTo(ReportState.PREPARING);
  }

  @Test
  void shouldSendASignedReportThatTheReceiverAccepts() {
    ProcessInstance report = preparing();

    driver.prepare("cbchilang", report, 4, null);
    assertThat(report).isWaitingAt(UnitReport.TASK_SIGN_OFF).task().hasCandidateGroup("ubndChiLangHead");
    assertThat(engine.getRuntimeService().getVariables(report.getId())).doesNotContainKeys(
        "record_difficulties", "record_communicationSessions");
    driver.signOff(head, report, "APPROVE", null);
    assertThat(report).isWaitingAt(UnitReport.TASK_REVIEW).task().hasCandidateGroup("ldtbxhTpLangSon");
    assertThat(row(report).state()).isEqualTo(ReportState.SUBMITTED);
    driver.review("cvldtbxh", report, "ACCEPT", null);

    assertThat(report).isEnded().hasPassed("EndEvent_ReportAccepted");
    UnitReportRow done = row(report);
    assertThat(done.state()).isEqualTo(ReportState.ACCEPTED);
    List<ReportVersion> versions = records.versions(done.id());
    assertThat(versions).singleElement().satisfies(v -> {
      assertThat(v.status()).isEqualTo(VersionStatus.ACCEPTED);
      assertThat(v.preparedBy()).isEqualTo("cbchilang");
      assertThat(v.signedBy()).isEqualTo(head);
      assertThat(v.reviewedBy()).isEqualTo("cvldtbxh");
      assertThat(v.activities().communicationSessions()).isEqualTo(4);
      assertThat(v.figures()).isNotEmpty();
    });
  }

  @Test
  void shouldEndTheConsolidatedReportOfThePeriodsTopWhenItsHeadSigns() {
    LocalDate today = EngineTime.today();
    String period = driver.openPeriod(today.plusMonths(1), today.minusDays(1));
    ProcessInstance commune = driver.startPreparing(period, "CHILANG");
    driver.prepare("cbchilang", commune, 4, null);
    driver.signOff(head, commune, "APPROVE", null);
    driver.review("cvldtbxh", commune, "ACCEPT", null);
    ProcessInstance city = driver.startPreparing(period, "TPLANGSON");

    assertThat(city).isWaitingAt(UnitReport.TASK_PREPARE).task().hasCandidateGroup("ldtbxhTpLangSon");
    driver.prepare("cvldtbxh", city, 2, null);
    assertThat(city).isWaitingAt(UnitReport.TASK_SIGN_OFF).task().hasCandidateGroup("ldtbxhTpLangSonHead");
    driver.signOff("tpldtbxh", city, "APPROVE", null);

    assertThat(city).isEnded().hasPassed("Gateway_HasReceiver", "EndEvent_ReportSubmittedAtTop")
        .hasNotPassed(UnitReport.TASK_REVIEW);
    UnitReportRow row = row(city);
    assertThat(row.state()).isEqualTo(ReportState.SUBMITTED);
    assertThat(records.versions(row.id())).singleElement().satisfies(v -> {
      assertThat(v.status()).isEqualTo(VersionStatus.SUBMITTED);
      assertThat(v.signedBy()).isEqualTo("tpldtbxh");
    });
    assertThat(jdbc.sql("select kind || ':' || unit_code from unit_report_part p join unit_report_version v"
            + " on v.id = p.version_id where v.report_id = ? order by p.position").param(row.id())
        .query(String.class).list()).hasSize(8).contains("REPORT:CHILANG", "MISSING:MAIPHA")
        .filteredOn(part -> part.startsWith("REPORT")).containsExactly("REPORT:CHILANG");
  }

  @Test
  void shouldReturnAtSignOffWithAReasonAndPrepareANewVersion() {
    ProcessInstance report = preparing();
    driver.prepare("cbchilang", report, 4, null);

    assertThatThrownBy(() -> driver.signOff(head, report, "RETURN", null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("lý do trả lại");
    driver.signOff(head, report, "RETURN", "Số buổi truyền thông chưa khớp sổ theo dõi.");

    assertThat(report).isWaitingAt(UnitReport.TASK_PREPARE).hasPassed("Gateway_SignOff")
        .hasNotPassed(UnitReport.TASK_REVIEW);
    assertThat(row(report).state()).isEqualTo(ReportState.RETURNED);
    driver.prepare("cbchilang", report, 5, null);
    driver.signOff(head, report, "APPROVE", null);
    List<ReportVersion> versions = records.versions(row(report).id());
    assertThat(versions).extracting(ReportVersion::status)
        .containsExactly(VersionStatus.RETURNED_AT_SIGN_OFF, VersionStatus.SUBMITTED);
    assertThat(versions).extracting(v -> v.activities().communicationSessions()).containsExactly(4, 5);
  }

  @Test
  void shouldCorrectAReturnedReportAsANewVersionWithItsReasonKeepingTheSentOne() {
    ProcessInstance report = preparing();
    driver.prepare("cbchilang", report, 4, null);
    driver.signOff(head, report, "APPROVE", null);

    driver.review("cvldtbxh", report, "RETURN", "Thiếu số lượt trẻ em tham gia tập huấn.");
    assertThat(report).isWaitingAt(UnitReport.TASK_PREPARE).hasPassed("Gateway_Review");
    assertThatThrownBy(() -> driver.prepare("cbchilang", report, 6, null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("lý do điều chỉnh");
    driver.prepare("cbchilang", report, 6, "Bổ sung số lượt trẻ theo yêu cầu của Phòng.");

    List<ReportVersion> versions = records.versions(row(report).id());
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).status()).isEqualTo(VersionStatus.RETURNED_BY_RECEIVER);
    assertThat(versions.get(0).activities().communicationSessions()).isEqualTo(4);
    assertThat(versions.get(0).returnReason()).isEqualTo("Thiếu số lượt trẻ em tham gia tập huấn.");
    assertThat(versions.get(1).correctionReason()).isEqualTo("Bổ sung số lượt trẻ theo yêu cầu của Phòng.");
    assertThat(versions.get(1).status()).isEqualTo(VersionStatus.PREPARED);

    // the head returns the correction: the next version still corrects a sent report and needs its reason
    driver.signOff(head, report, "RETURN", "Ghi rõ số lớp tập huấn.");
    assertThatThrownBy(() -> driver.prepare("cbchilang", report, 7, null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("lý do điều chỉnh");
    driver.prepare("cbchilang", report, 7, "Bổ sung số lớp tập huấn.");
    assertThat(records.versions(row(report).id())).extracting(ReportVersion::correctionReason)
        .containsExactly(null, "Bổ sung số lượt trẻ theo yêu cầu của Phòng.", "Bổ sung số lớp tập huấn.");
  }

  @Test
  void shouldNeverLetThePreparerSignHisOwnReport() {
    ProcessInstance report = preparing();
    engine.getIdentityService().createMembership("cbchilang", "ubndChiLangHead");
    try {
      driver.prepare("cbchilang", report, 4, null);
      Task signOff = driver.task(report);
      assertThat(signOff.getDescription()).contains("không được tự phê duyệt");

      assertThatThrownBy(() -> driver.signOff("cbchilang", report, "APPROVE", null))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("không được tự ký duyệt");
      assertThat(driver.task(report).getId()).isEqualTo(signOff.getId());
    } finally {
      engine.getIdentityService().deleteMembership("cbchilang", "ubndChiLangHead");
    }
  }

  @Test
  void shouldEscalateAReportNotPreparedByItsDeadline() {
    LocalDate today = EngineTime.today();
    String period = driver.openPeriod(today.plusDays(3), today.minusDays(1));
    ProcessInstance report = driver.startPreparing(period, "CHILANG");
    Task prepare = driver.task(report);
    Job escalation = engine.getManagementService().createJobQuery().processInstanceId(report.getId()).timers()
        .activityId(UnitReport.TASK_PREPARE).singleResult();
    assertThat(escalation.getDuedate()).isEqualTo(prepare.getDueDate()).isEqualTo(endOf(today.plusDays(3)));

    ClockUtil.setCurrentTime(new Date(prepare.getDueDate().getTime() + 60_000));
    engine.getManagementService().executeJob(escalation.getId());

    assertThat(driver.task(report).getPriority()).isEqualTo(75);
    assertThat(jdbc.sql("select count(*) from task_escalation where task_id = ? and case_id is null")
        .param(prepare.getId()).query(Integer.class).single()).isEqualTo(1);
    assertThat(row(report).isLate(EngineTime.today())).isTrue();
    assertThat(jdbc.sql("select count(*) from mail_outbox where dedup_key like ?")
        .param("escalation:" + prepare.getId() + ":1:%").query(Integer.class).single()).isPositive();
  }

  @Test
  void shouldTakeAnAdHocReportTheOfficeOpenedThroughTheSameStepsByItsOwnDeadline() {
    LocalDate today = EngineTime.today();
    String period = "DX" + (System.nanoTime() % 1_000_000);
    periods.create(new ReportPeriods.PeriodRequest(period, "Báo cáo đột xuất " + period, "AD_HOC", null,
        today.withDayOfMonth(1), today, "TPLANGSON", List.of("tre-lap-danh-sach"), today.minusDays(1),
        today.plusDays(5), null, null), "tpldtbxh");
    periods.open(period, "tpldtbxh");
    ProcessInstance report = driver.startPreparing(period, "CHILANG");

    assertThat(driver.task(report).getDueDate()).isEqualTo(endOf(today.plusDays(5)));
    driver.prepare("cbchilang", report, 1, null);
    driver.signOff(head, report, "APPROVE", null);
    assertThat(report).isWaitingAt(UnitReport.TASK_REVIEW).task().hasCandidateGroup("ldtbxhTpLangSon");
    driver.review("cvldtbxh", report, "ACCEPT", null);

    assertThat(report).isEnded().hasPassed("EndEvent_ReportAccepted");
    assertThat(records.versions(row(report).id())).singleElement().satisfies(v -> assertThat(v.figures())
        .extracting(f -> f.indicatorId()).containsExactly("tre-lap-danh-sach"));
  }

  private ProcessInstance preparing() {
    LocalDate today = EngineTime.today();
    String period = driver.openPeriod(today.plusMonths(1), today.minusDays(1));
    return driver.startPreparing(period, "CHILANG");
  }

  private UnitReportRow row(ProcessInstance report) {
    return records.byProcessInstance(report.getId()).orElseThrow();
  }

  private static Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).minusSeconds(1).toInstant());
  }
}
