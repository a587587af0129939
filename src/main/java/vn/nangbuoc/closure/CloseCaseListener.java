package vn.nangbuoc.closure;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.ClosureOutcome;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;

/**
 * LĐTBXH closes a case at the end of its pathway, with an outcome {@link ClosureRules} allows.
 */
@Component("closeCaseListener")
class CloseCaseListener implements TaskListener {

  private final TaskSubmissions submissions;
  private final CaseStepRecords records;

  CloseCaseListener(TaskSubmissions submissions, CaseStepRecords records) {
    this.submissions = submissions;
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = submissions.open(task);
    ClosureOutcome outcome = submission.fields()
        .requiredChoice(ChildPathway.VAR_CLOSURE_OUTCOME, "kết quả đóng hồ sơ", ClosureOutcome.class);
    String note = submission.fields().optionalText("record_closureNote", "ghi chú", 2000);
    if (outcome != null) {
      submission.fields().check(ClosureRules.chosenAtClosure(outcome), "Kết quả \"" + outcome.label()
          + "\" được ghi tự động ở bước tương ứng, không chọn khi đóng hồ sơ.");
      submission.fields().check(ClosureRules.matchesRecords(outcome, evidence(submission.caseId())),
          "Kết quả \"" + outcome.label() + "\" không khớp với các bước đã ghi trong hồ sơ.");
      submission.fields().check(!ClosureRules.needsNote(outcome) || note != null, "Hãy ghi lý do đóng hồ sơ.");
    }
    submission.record();
    submission.route(ChildPathway.VAR_CLOSURE_OUTCOME, outcome.name());
  }

  private ClosureRules.Evidence evidence(long caseId) {
    return new ClosureRules.Evidence() {
      @Override
      public boolean surgeryDone() {
        return records.count(caseId, ChildPathway.TASK_RECORD_SURGERY_RESULT, ChildPathway.VAR_SURGERY_STATUS,
            "DONE") > 0;
      }

      @Override
      public boolean serviceArranged() {
        return records.latest(caseId, ChildPathway.TASK_ARRANGE_SERVICE).isPresent();
      }

      @Override
      public boolean screenedWithoutIndication() {
        return records.latest(caseId, ChildPathway.TASK_RECORD_SCREENING)
            .map(r -> "NONE".equals(r.data().get(ChildPathway.VAR_INDICATION))).orElse(false);
      }
    };
  }
}
