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
import vn.nangbuoc.engine.EngineSystem;
import vn.nangbuoc.engine.EngineTime;
import vn.nangbuoc.pathway.ChildPathway;

/**
 * Evaluates the surgery-eligibility table on the child's condition and age. Its inputs come from the
 * case file and are never process variables; only the verdict is, for the reviewer and the gateway.
 */
@Component("checkEligibilityDelegate")
class CheckEligibilityDelegate implements JavaDelegate {

  static final String STEP = "Task_CheckEligibility";

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
    CaseFile file = caseFiles.get(((Number) execution.getVariable(ChildPathway.VAR_CASE_ID)).longValue());
    DmnDecisionRuleResult verdict = system.call(() -> decisions.evaluateDecisionTableByKey(
            ChildPathway.DECISION_SURGERY_ELIGIBILITY,
            Map.of("conditionGroup", file.conditionGroup().name(), "ageYears", file.ageOn(EngineTime.today())))
        .getSingleResult());
    boolean eligible = Boolean.TRUE.equals(verdict.getEntry("eligible"));
    records.append(file.id(), STEP, null, null, EngineTime.now(),
        Map.of("eligible", eligible, "reason", verdict.getEntry("reason")));
    execution.setVariable(ChildPathway.VAR_ELIGIBLE_FOR_SURGERY, eligible);
  }
}
