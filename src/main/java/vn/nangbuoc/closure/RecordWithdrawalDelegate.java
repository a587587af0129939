package vn.nangbuoc.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.ClosureOutcome;

/** The family withdrew (its reason is already in the case records): the case closes as WITHDRAWN. */
@Component("recordWithdrawalDelegate")
class RecordWithdrawalDelegate implements JavaDelegate {

  private final CaseFileService caseFiles;

  RecordWithdrawalDelegate(CaseFileService caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ChildPathway.VAR_CLOSURE_OUTCOME, ClosureOutcome.WITHDRAWN.name());
    caseFiles.close(caseFiles.getByProcessInstance(execution.getProcessInstanceId()).id(),
        ClosureOutcome.WITHDRAWN.name());
  }
}
