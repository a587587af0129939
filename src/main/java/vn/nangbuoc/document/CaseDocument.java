package vn.nangbuoc.document;

import java.time.Instant;

/** A document attached to a case (without its content). */
public record CaseDocument(long id, long caseId, DocumentKind kind, String fileName, DocumentType type, long size,
    String uploadedBy, Instant uploadedAt) {
}
