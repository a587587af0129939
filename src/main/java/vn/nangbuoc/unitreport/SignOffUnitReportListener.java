package vn.nangbuoc.unitreport;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.system.EngineTime;

/**
 * The unit's head signs the version the officer sent, which sends it to the receiving office, or returns it with a
 * reason. Never the person who prepared it: routing hands the task to a group he is not in
 * ({@link UnitReportFourEyes}), and this refuses him whatever the group.
 */
@Component("signOffUnitReportListener")
class SignOffUnitReportListener implements TaskListener {

  enum Decision {
    APPROVE, RETURN
  }

  private final UnitReportTasks tasks;
  private final UnitReportRecords records;

  SignOffUnitReportListener(UnitReportTasks tasks, UnitReportRecords records) {
    this.tasks = tasks;
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    UnitReportTasks.Submission submission = tasks.open(task);
    ReportVersion version = records.latestVersion(submission.report().id()).orElseThrow();
    FieldReader fields = FieldReader.of(task::getVariable, "");
    Decision decision = fields.requiredChoice(UnitReport.VAR_SIGN_OFF_DECISION, "ý kiến của thủ trưởng",
        Decision.class);
    String note = fields.optionalText("record_signOffNote", "lý do trả lại", 1000);
    fields.check(!submission.actor().equals(version.preparedBy()), "Người lập báo cáo không được tự ký duyệt:"
        + " thủ trưởng đơn vị (hoặc người được giao ký thay) ký duyệt.");
    fields.check(decision != Decision.RETURN || note != null, "Hãy ghi lý do trả lại để cán bộ lập lại báo cáo.");
    fields.throwIfInvalid();
    boolean approved = decision == Decision.APPROVE;
    records.signed(version.id(), submission.actor(), EngineTime.now(), approved, approved ? null : note);
    if (approved) {
      records.submitted(submission.report().id(), EngineTime.now());
    }
    UnitReportTasks.clearTypedFields(task);
    UnitReportTasks.route(task, UnitReport.VAR_SIGN_OFF_DECISION, decision.name());
  }
}
