package vn.nangbuoc.fund;

import java.time.Instant;

/** A request for surgery funding as the approver saw it, and what became of it. */
public record FundingRequest(long id, long caseId, String processInstanceId, String fundId, long amount, String hospital,
    String procedure, String finding, String requestedBy, Instant requestedAt, RequestStatus status, Instant queuedAt,
    String decidedBy, Instant decidedAt, String decisionReason, Long actualCost) {
}
