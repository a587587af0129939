package vn.nangbuoc.fund;

import java.time.Instant;

/**
 * A request for surgery funding as the approver saw it, and what became of it. {@code caseId} is 0
 * once the child's case file was erased: the amounts stay in the books, the child does not.
 */
public record FundingRequest(long id, long caseId, String processInstanceId, String fundId, long amount,
    String hospital, String procedure, String finding, String requestedBy, Instant requestedAt, RequestStatus status,
    Instant queuedAt, String decidedBy, Instant decidedAt, String decisionReason, Long actualCost) {

  public boolean caseErased() {
    return caseId == 0;
  }
}
