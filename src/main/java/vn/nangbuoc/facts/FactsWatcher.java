package vn.nangbuoc.facts;

import java.util.List;

/**
 * Told, in the transaction that changes them, when the report facts of some case files (their {@code case_fact}
 * row or their {@code case_task_fact} rows) are about to change, so that what is kept from the facts (the
 * indicators' summary) changes with them in that same transaction, never after it.
 */
public interface FactsWatcher {

  /**
   * Called before the facts of {@code caseIds} change; the returned action runs once they have changed, still in
   * the transaction.
   */
  Runnable changing(List<Long> caseIds);
}
