package vn.nangbuoc.unitreport;

import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.indicators.UnitIndicators;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.system.EngineTime;

/**
 * The unit's officer prepares the report. When the task starts the report is in preparation (or returned, if a
 * version came back); when the officer sends it, the unit's figures are computed once more and frozen with the
 * activities and the narrative as a new version, which nobody changes afterwards.
 */
@Component("prepareUnitReportListener")
class PrepareUnitReportListener implements TaskListener {

  private static final long MOST_PER_ACTIVITY = 1_000_000;

  private final UnitReportTasks tasks;
  private final UnitReportRecords records;
  private final UnitIndicators indicators;
  private final Consolidation consolidation;

  PrepareUnitReportListener(UnitReportTasks tasks, UnitReportRecords records, UnitIndicators indicators,
      Consolidation consolidation) {
    this.tasks = tasks;
    this.records = records;
    this.indicators = indicators;
    this.consolidation = consolidation;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      UnitReportRow report = records.byProcessInstance(task.getProcessInstanceId()).orElseThrow();
      boolean returned = records.latestVersion(report.id()).map(v -> v.returnReason() != null).orElse(false);
      records.state(report.id(), returned ? ReportState.RETURNED : ReportState.PREPARING);
      return;
    }
    UnitReportTasks.Submission submission = tasks.open(task);
    UnitReportRow report = submission.report();
    Optional<ReportVersion> before = records.latestVersion(report.id());
    FieldReader fields = FieldReader.of(task::getVariable, "");
    ReportVersion.Activities activities = new ReportVersion.Activities(
        count(fields, "record_communicationSessions", "số buổi truyền thông"),
        count(fields, "record_trainings", "số lớp tập huấn"),
        count(fields, "record_staffTrained", "số lượt cán bộ được tập huấn"),
        count(fields, "record_caregiversTakingPart", "số lượt cha mẹ, người chăm sóc trẻ tham gia"),
        count(fields, "record_childrenTakingPart", "số lượt trẻ em tham gia"));
    String difficulties = fields.requiredText("record_difficulties", "khó khăn, vướng mắc, đề xuất", 4000);
    String correction = fields.optionalText("record_correctionReason", "lý do điều chỉnh", 1000);
    // once a version reached the receiver and came back, every later one corrects a sent report, also after a
    // return at sign-off in between
    boolean correcting = before.isPresent() && records.versions(report.id()).stream()
        .anyMatch(v -> v.status() == VersionStatus.RETURNED_BY_RECEIVER);
    fields.check(!correcting || correction != null, "Báo cáo đã gửi bị cơ quan tiếp nhận trả lại: hãy ghi lý do"
        + " điều chỉnh. Phiên bản đã gửi vẫn được giữ nguyên.");
    fields.throwIfInvalid();
    ReportPeriod period = records.period(report.periodCode()).orElseThrow();
    // a receiving unit's report sums the accepted reports below it: frozen with their versions, as they stand now
    Consolidation.Consolidated consolidated = consolidation.consolidates(report)
        ? consolidation.compute(report, period) : null;
    UnitIndicators.Figures figures = consolidated != null ? consolidated.figures()
        : indicators.of(report.unitCode(), period.countedPlanYear(), period.from(), period.to(), period.indicators());
    Instant now = EngineTime.now();
    long versionId = records.insertVersion(report.id(), activities, difficulties, correcting ? correction : null,
        figures, submission.actor(), now);
    if (consolidated != null) {
      consolidation.store(versionId, consolidated);
    }
    records.state(report.id(), ReportState.AWAITING_SIGN_OFF);
    UnitReportTasks.clearTypedFields(task);
  }

  private static int count(FieldReader fields, String name, String label) {
    Long value = fields.requiredWholeNumber(name, label, 0, MOST_PER_ACTIVITY);
    return value == null ? 0 : value.intValue();
  }
}
