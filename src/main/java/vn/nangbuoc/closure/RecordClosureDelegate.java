package vn.nangbuoc.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.fund.FundLedger;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.ClosureOutcome;

/** Every way a pathway ends passes here: the case file is closed with the outcome reports count. */
@Component("recordClosureDelegate")
class RecordClosureDelegate implements JavaDelegate {

  private final CaseFileService caseFiles;
  private final FundLedger ledger;

  RecordClosureDelegate(CaseFileService caseFiles, FundLedger ledger) {
    this.caseFiles = caseFiles;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ClosureOutcome outcome = ClosureOutcome.valueOf((String) execution.getVariable(ChildPathway.VAR_CLOSURE_OUTCOME));
    long caseId = caseFiles.getByProcessInstance(execution.getProcessInstanceId()).id();
    ledger.cancelOpenRequests(caseId, "system", "hồ sơ đóng");
    caseFiles.close(caseId, outcome.name());
  }
}
