package vn.nangbuoc.closure;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.fund.FundLedger;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.ClosureOutcome;

/** The family withdrew (its reason is already in the case records): the case closes as WITHDRAWN. */
@Component("recordWithdrawalDelegate")
class RecordWithdrawalDelegate implements JavaDelegate {

  private final CaseFileService caseFiles;
  private final FundLedger ledger;

  RecordWithdrawalDelegate(CaseFileService caseFiles, FundLedger ledger) {
    this.caseFiles = caseFiles;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ChildPathway.VAR_CLOSURE_OUTCOME, ClosureOutcome.WITHDRAWN.name());
    long caseId = caseFiles.getByProcessInstance(execution.getProcessInstanceId()).id();
    // money reserved (or a place in line) for this child goes back to the fund
    ledger.cancelOpenRequests(caseId, "system", "gia đình rút khỏi chương trình");
    caseFiles.close(caseId, ClosureOutcome.WITHDRAWN.name());
  }
}
