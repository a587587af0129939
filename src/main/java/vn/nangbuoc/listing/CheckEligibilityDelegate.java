package vn.nangbuoc.listing;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.system.EngineSystem;
import vn.nangbuoc.system.EngineTime;

/**
 * Evaluates the surgery-eligibility table on the child's condition and age. Inputs and verdict stay
 * with the case (its records); the reviewer sees the verdict and the review refuses to accept a
 * child the table excludes.
 */
@Component("checkEligibilityDelegate")
class CheckEligibilityDelegate implements JavaDelegate {

  private final CaseFileService caseFiles;
  private final CaseStepRecords records;
  private final DecisionService decisions;
  private final EngineSystem system;

  CheckEligibilityDelegate(CaseFileService caseFiles, CaseStepRecords records, DecisionService decisions,
      EngineSystem system) {
    this.caseFiles = caseFiles;
    this.records = records;
    this.decisions = decisions;
    this.system = system;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseFile file = caseFiles.getByProcessInstance(execution.getProcessInstanceId());
    DmnDecisionRuleResult verdict = system.call(() -> decisions.evaluateDecisionTableByKey(
            ChildPathway.DECISION_SURGERY_ELIGIBILITY,
            Map.of("conditionGroup", file.conditionGroup().name(), "ageYears", file.ageOn(EngineTime.today())))
        .getSingleResult());
    boolean eligible = Boolean.TRUE.equals(verdict.getEntry("eligible"));
    records.append(file.id(), ChildPathway.TASK_CHECK_ELIGIBILITY, null, null, EngineTime.now(),
        Map.of("eligible", eligible, "reason", verdict.getEntry("reason")));
  }
}
