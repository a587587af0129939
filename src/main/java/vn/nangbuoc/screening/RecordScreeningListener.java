package vn.nangbuoc.screening;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.ClosureOutcome;
import vn.nangbuoc.pathway.PathwaySettings;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;
import vn.nangbuoc.system.EngineTime;

/**
 * The health centre records a screening. The finding stays in the case's records; the process
 * learns only the indication, and how many times the child was absent.
 */
@Component("recordScreeningListener")
class RecordScreeningListener implements TaskListener {

  private final TaskSubmissions submissions;
  private final CaseFileService caseFiles;
  private final CaseStepRecords records;
  private final AbsenceLimit absenceLimit;

  RecordScreeningListener(TaskSubmissions submissions, CaseFileService caseFiles, CaseStepRecords records,
      PathwaySettings settings) {
    this.submissions = submissions;
    this.caseFiles = caseFiles;
    this.records = records;
    this.absenceLimit = new AbsenceLimit(settings.maxScreeningAbsences());
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = submissions.open(task);
    FieldReader fields = submission.fields();
    Indication indication = fields.requiredChoice(ChildPathway.VAR_INDICATION, "chỉ định sau khám", Indication.class);
    ConditionGroup condition = null;
    if (indication != null && indication != Indication.ABSENT) {
      LocalDate day = fields.requiredDate("record_screeningDate", "ngày khám");
      fields.check(day == null || !day.isAfter(EngineTime.today()), "Ngày khám không được sau ngày hôm nay.");
      condition = fields.requiredChoice("record_conditionGroup", "nhóm dạng tật xác định khi khám",
          ConditionGroup.class);
      fields.requiredText("record_finding", "kết luận khám", 4000);
      fields.optionalText("record_doctor", "bác sĩ khám", 200);
    }
    submission.record();

    if (condition != null) {
      caseFiles.confirmCondition(submission.caseId(), condition);
    }
    long absences = records.count(submission.caseId(), ChildPathway.TASK_RECORD_SCREENING,
        ChildPathway.VAR_INDICATION, Indication.ABSENT.name());
    submission.route(ChildPathway.VAR_INDICATION, indication.name());
    boolean limitReached = absenceLimit.reached(indication, absences);
    submission.route(ChildPathway.VAR_ABSENCE_LIMIT_REACHED, limitReached);
    if (limitReached) {
      submission.route(ChildPathway.VAR_CLOSURE_OUTCOME, ClosureOutcome.ABSENT_FROM_SCREENING.name());
    }
  }
}
