package vn.nangbuoc.facts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.nangbuoc.casefile.CaseDataEraser;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileChanged;
import vn.nangbuoc.system.EngineTime;

/**
 * Keeps the report facts of each case file in step with it, in the transaction that changes it: a step that
 * records, an edit, a move, a reorganisation, a merge, a closure. A transaction that changes a case several times
 * (a step records, then the case closes) derives its facts once, just before it commits; an erasure removes them.
 */
@Component
class CaseFacts implements CaseDataEraser {

  private final CaseFactStore store;
  private final List<FactsWatcher> watchers;

  CaseFacts(JdbcTemplate jdbc, ObjectMapper json, List<FactsWatcher> watchers) {
    this.store = new CaseFactStore(jdbc, json);
    this.watchers = List.copyOf(watchers);
  }

  /** Runs {@code change} between telling the watchers that these case files' facts change and that they did. */
  static void watched(List<FactsWatcher> watchers, List<Long> caseIds, Runnable change) {
    List<Runnable> after = watchers.stream().map(watcher -> watcher.changing(caseIds)).toList();
    change.run();
    after.forEach(Runnable::run);
  }

  @EventListener
  void changed(CaseFileChanged change) {
    Map<Long, String> carried = new LinkedHashMap<>();
    if (change.carriedFrom() != null) {
      change.caseIds().forEach(id -> carried.put(id, change.carriedFrom()));
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      refresh(change.caseIds(), carried);
      return;
    }
    Pending pending = pending();
    pending.caseIds.addAll(change.caseIds());
    carried.forEach(pending.carriedFrom::putIfAbsent);
  }

  @Override
  public void erase(CaseFile file) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      pending().caseIds.remove(file.id());
    }
    watched(watchers, List.of(file.id()), () -> store.remove(file.id()));
  }

  private void refresh(List<Long> caseIds, Map<Long, String> carriedFrom) {
    for (int from = 0; from < caseIds.size(); from += CaseFactStore.BATCH) {
      List<Long> batch = caseIds.subList(from, Math.min(caseIds.size(), from + CaseFactStore.BATCH));
      watched(watchers, batch, () -> store.refresh(batch, carriedFrom, EngineTime.now()));
    }
  }

  /** The case files this transaction changed so far, derived once before it commits. */
  private Pending pending() {
    Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      pending = new Pending();
      TransactionSynchronizationManager.bindResource(this, pending);
      TransactionSynchronizationManager.registerSynchronization(pending);
    }
    return pending;
  }

  private final class Pending implements TransactionSynchronization {

    final Set<Long> caseIds = new LinkedHashSet<>();
    final Map<Long, String> carriedFrom = new LinkedHashMap<>();

    /** Before the report summary's, which adds up the changes this makes (FactSummary). */
    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      refresh(new ArrayList<>(caseIds), carriedFrom);
      caseIds.clear();
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(CaseFacts.this);
    }
  }
}
