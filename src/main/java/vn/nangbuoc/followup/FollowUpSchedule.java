package vn.nangbuoc.followup;

import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwaySettings;
import vn.nangbuoc.system.EngineTime;

/**
 * When the next follow-up visit falls due: the configured intervals (default 1, 3 and 6 months)
 * counted from the surgery or the start of the service. Visits already made are counted from the
 * case records, not from a variable, so an API caller cannot skip one.
 */
@Component("followUpSchedule")
public class FollowUpSchedule {

  private final List<Period> intervals;
  private final CaseStepRecords records;
  private final CaseFileService caseFiles;

  FollowUpSchedule(PathwaySettings settings, CaseStepRecords records, CaseFileService caseFiles) {
    this.intervals = settings.followUpIntervals();
    this.records = records;
    this.caseFiles = caseFiles;
  }

  public Date nextVisit(DelegateExecution execution) {
    Date from = (Date) execution.getVariable(ChildPathway.VAR_FOLLOW_UP_FROM);
    int done = (int) Math.min(visitsDone(execution), intervals.size() - 1);
    ZonedDateTime start = from.toInstant().atZone(EngineTime.VIETNAM);
    return Date.from(start.plus(intervals.get(done)).toInstant());
  }

  boolean hasMoreVisits(long caseId) {
    return visitsDone(caseId) < intervals.size();
  }

  private long visitsDone(DelegateExecution execution) {
    return visitsDone(caseFiles.getByProcessInstance(execution.getProcessInstanceId()).id());
  }

  private long visitsDone(long caseId) {
    return records.all(caseId).stream().filter(r -> r.step().equals(ChildPathway.TASK_FOLLOW_UP_VISIT)).count();
  }
}
