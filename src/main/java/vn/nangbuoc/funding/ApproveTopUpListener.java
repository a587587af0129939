package vn.nangbuoc.funding;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.fund.FundLedger;
import vn.nangbuoc.fund.FundingRequest;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;

/**
 * A manager decides on the part of a hospital bill beyond the approved amount and its margin. Four
 * eyes again: neither the requester nor the finance officer who settled decides.
 */
@Component("approveTopUpListener")
class ApproveTopUpListener implements TaskListener {

  enum TopUpDecision {
    APPROVED,
    REJECTED
  }

  private final TaskSubmissions submissions;
  private final FundingRequests requests;
  private final FundLedger ledger;
  private final CaseStepRecords records;

  ApproveTopUpListener(TaskSubmissions submissions, FundingRequests requests, FundLedger ledger,
      CaseStepRecords records) {
    this.submissions = submissions;
    this.requests = requests;
    this.ledger = ledger;
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = submissions.open(task);
    FundingRequest request = requests.approvedOf(submission.caseId());
    FundingRules.requireNotRequester(request, submission.actor());
    String settledBy = records.latest(submission.caseId(), ChildPathway.TASK_SETTLE_COSTS)
        .map(CaseStepRecords.StepRecord::recordedBy).orElse(null);
    if (submission.actor().equals(settledBy)) {
      throw new InvalidInputException("Người quyết toán chi phí không được tự phê duyệt phần chi bổ sung.");
    }
    TopUpDecision decision = submission.fields()
        .requiredChoice(ChildPathway.VAR_TOP_UP_DECISION, "quyết định chi bổ sung", TopUpDecision.class);
    String reason = submission.fields().optionalText("record_topUpReason", "lý do", 2000);
    submission.fields().check(decision != TopUpDecision.REJECTED || reason != null, "Hãy ghi lý do không chi bổ sung.");
    submission.fields().throwIfInvalid();
    ledger.decideTopUp(request.id(), decision == TopUpDecision.APPROVED, submission.actor(), reason);
    submission.record(Map.of("requestId", request.id()));
    submission.route(ChildPathway.VAR_TOP_UP_DECISION, decision.name());
  }
}
