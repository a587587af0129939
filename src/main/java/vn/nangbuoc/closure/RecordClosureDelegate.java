package vn.nangbuoc.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.ClosureOutcome;

/** Every way a pathway ends passes here: the case file is closed with the outcome reports count. */
@Component("recordClosureDelegate")
class RecordClosureDelegate implements JavaDelegate {

  private final CaseFileService caseFiles;

  RecordClosureDelegate(CaseFileService caseFiles) {
    this.caseFiles = caseFiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ClosureOutcome outcome = ClosureOutcome.valueOf((String) execution.getVariable(ChildPathway.VAR_CLOSURE_OUTCOME));
    caseFiles.close(caseFiles.getByProcessInstance(execution.getProcessInstanceId()).id(), outcome.name());
  }
}
