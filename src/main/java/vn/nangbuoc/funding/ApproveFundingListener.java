package vn.nangbuoc.funding;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.fund.FundLedger;
import vn.nangbuoc.fund.FundingRequest;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.notification.Notifications;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;

/**
 * A manager decides on a funding request from the child protection fund, whichever way the
 * decision reaches the engine (Tasklist, REST, batch approval). An approval reserves the money in
 * the same transaction or is refused; the approver is never the requester.
 */
@Component("approveFundingListener")
class ApproveFundingListener implements TaskListener {

  private final TaskSubmissions submissions;
  private final FundingRequests requests;
  private final FundLedger ledger;
  private final Notifications notifications;

  ApproveFundingListener(TaskSubmissions submissions, FundingRequests requests, FundLedger ledger,
      Notifications notifications) {
    this.submissions = submissions;
    this.requests = requests;
    this.ledger = ledger;
    this.notifications = notifications;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = submissions.open(task);
    FundingRequest request = requests.pendingOf(submission.caseId());
    FundingDecision decision = submission.fields()
        .requiredChoice(ChildPathway.VAR_FUNDING_DECISION, "quyết định hỗ trợ", FundingDecision.class);
    FundingRules.requireNotRequester(request, submission.actor(), decision);
    String reason = submission.fields().optionalText("record_decisionReason", "lý do", 2000);
    submission.fields().check(!FundingRules.needsReason(decision) || reason != null,
        "Hãy ghi lý do từ chối hoặc lý do trả lại.");
    submission.fields().throwIfInvalid();
    switch (decision) {
      case APPROVED -> {
        FundLedger.Approval approval = ledger.approve(request.id(), submission.actor());
        if (!approval.reserved()) {
          throw new InvalidInputException("Quỹ chỉ còn " + VietnameseFormat.money(approval.available())
              + ", không đủ " + VietnameseFormat.money(request.amount()) + " cho đề nghị này. Hãy chọn"
              + " \"Chờ kinh phí\" (xếp hàng chờ khoản thu tiếp theo) hoặc \"Từ chối\".");
        }
      }
      case WAITING -> ledger.queue(request.id(), submission.actor());
      case REJECTED -> ledger.reject(request.id(), submission.actor(), reason);
      case RETURNED -> ledger.returnForRevision(request.id(), submission.actor(), reason);
    }
    submission.record(java.util.Map.of("requestId", request.id(), "amount", request.amount(),
        "requestedBy", request.requestedBy(), "hospital", request.hospital(), "procedure", request.procedure()));
    submission.route(ChildPathway.VAR_FUNDING_DECISION, decision.name());
    submission.route(ChildPathway.VAR_PAID_BY_FUND,
        decision == FundingDecision.APPROVED || decision == FundingDecision.WAITING);
    notifications.fundingDecided(submission.caseFile(), task.getId(), decision.name(), request.requestedBy());
  }
}
