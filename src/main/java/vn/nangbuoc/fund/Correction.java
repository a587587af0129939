package vn.nangbuoc.fund;

import java.time.Instant;

/**
 * A correction of a ledger row as proposed: its effects on the three balances (signed) and its
 * reason. It changes the books only once a second person confirms it ({@code resultEntryId} is the
 * row it wrote then).
 */
public record Correction(long id, String fundId, long entryId, Long requestId, long available, long reserved,
    long disbursed, String reason, CorrectionStatus status, String proposedBy, Instant proposedAt, String decidedBy,
    Instant decidedAt, String decisionReason, Long resultEntryId) {
}
