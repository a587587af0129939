package vn.nangbuoc.funding;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import vn.nangbuoc.fund.FundLedger;
import vn.nangbuoc.fund.FundingRequest;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;

/** A finance-office step that works on the case's approved request: its payment, its settlement. */
abstract class ApprovedRequestListener implements TaskListener {

  private final TaskSubmissions submissions;
  private final FundingRequests requests;
  final FundLedger ledger;

  ApprovedRequestListener(TaskSubmissions submissions, FundingRequests requests, FundLedger ledger) {
    this.submissions = submissions;
    this.requests = requests;
    this.ledger = ledger;
  }

  @Override
  public final void notify(DelegateTask task) {
    TaskSubmission submission = submissions.open(task);
    handle(submission, requests.approvedOf(submission.caseId()));
  }

  /** Reads the submission, changes the books and records the step. */
  abstract void handle(TaskSubmission submission, FundingRequest request);
}
