package vn.nangbuoc.casefile;

import java.util.List;

/**
 * Case files changed in what reports count: opened, edited, a step recorded, moved, carried on by a
 * reorganisation, merged, closed. Published in the changing transaction, so what listens (the report facts)
 * commits or rolls back with it.
 *
 * @param carriedFrom the commune the case files were in before a reorganisation carried them on; null otherwise
 */
public record CaseFileChanged(List<Long> caseIds, String carriedFrom) {

  public static CaseFileChanged of(long caseId) {
    return new CaseFileChanged(List.of(caseId), null);
  }
}
