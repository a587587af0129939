package vn.nangbuoc.unitreport;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.system.EngineTime;

/**
 * The receiving office accepts the version the unit sent, or returns it with a reason: the unit then prepares a
 * correction, a new version; the one it sent stays as it was.
 */
@Component("reviewUnitReportListener")
class ReviewUnitReportListener implements TaskListener {

  enum Decision {
    ACCEPT, RETURN
  }

  private final UnitReportTasks tasks;
  private final UnitReportRecords records;

  ReviewUnitReportListener(UnitReportTasks tasks, UnitReportRecords records) {
    this.tasks = tasks;
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    UnitReportTasks.Submission submission = tasks.open(task);
    ReportVersion version = records.latestVersion(submission.report().id()).orElseThrow();
    FieldReader fields = FieldReader.of(task::getVariable, "");
    Decision decision = fields.requiredChoice(UnitReport.VAR_REVIEW_DECISION, "kết quả xem xét", Decision.class);
    String note = fields.optionalText("record_receiverNote", "lý do trả lại", 1000);
    fields.check(decision != Decision.RETURN || note != null, "Hãy ghi lý do trả lại để đơn vị điều chỉnh báo cáo.");
    fields.throwIfInvalid();
    boolean accepted = decision == Decision.ACCEPT;
    records.reviewed(version.id(), submission.actor(), EngineTime.now(), accepted, accepted ? null : note);
    if (accepted) {
      records.accepted(submission.report().id(), EngineTime.now());
    }
    UnitReportTasks.clearTypedFields(task);
    UnitReportTasks.route(task, UnitReport.VAR_REVIEW_DECISION, decision.name());
  }
}
