package vn.nangbuoc.listing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.system.EngineLimits;
import vn.nangbuoc.system.EngineTime;
import vn.nangbuoc.system.NodeName;

/**
 * Starts the pathways of case files opened by an import, one case per transaction and as the user
 * who imported them, so the start is authorised and recorded like a listing by hand. A start that
 * fails is tried again later (the waiting row stays), and the failure is logged without the child's
 * details.
 */
@Component
public class PathwayStarter {

  private static final Logger log = LoggerFactory.getLogger(PathwayStarter.class);
  /**
   * How long a node holds a case whose pathway it starts: a start is one short transaction, and the
   * case of a node that died waits this long for another (a second start of one case is refused).
   */
  static final Duration CLAIM = Duration.ofMinutes(1);
  static final Duration RETRY_AFTER = Duration.ofMinutes(5);

  private final PendingPathways pending;
  private final CaseFileService caseFiles;
  private final ListingService listing;
  private final IdentityService identity;
  private final TransactionTemplate transaction;
  private final String node = NodeName.get();

  PathwayStarter(PendingPathways pending, CaseFileService caseFiles, ListingService listing, IdentityService identity,
      PlatformTransactionManager transactions) {
    this.pending = pending;
    this.caseFiles = caseFiles;
    this.listing = listing;
    this.identity = identity;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** Starts up to {@code limit} waiting pathways; returns how many started. */
  public int startDue(int limit) {
    return start(pending.due(EngineTime.now(), limit));
  }

  /** Starts these cases' pathways now if they still wait (right after a small import). */
  public int start(List<Long> caseIds) {
    int started = 0;
    for (long caseId : caseIds) {
      Instant now = EngineTime.now();
      if (pending.claim(caseId, node, now, now.plus(CLAIM)) && startOne(caseId)) {
        started++;
      }
    }
    return started;
  }

  private boolean startOne(long caseId) {
    try {
      transaction.executeWithoutResult(status -> {
        PendingPathways.Pending waiting = pending.get(caseId).orElseThrow();
        CaseFile file = caseFiles.get(caseId);
        as(waiting.requestedBy(), () -> listing.startPathway(file));
        pending.remove(caseId);
      });
      return true;
    } catch (RuntimeException e) {
      pending.failed(caseId, EngineTime.now().plus(RETRY_AFTER), e.getClass().getSimpleName() + ": " + e.getMessage());
      log.warn("Pathway of case {} not started, will retry: {}", caseId, e.getClass().getSimpleName());
      return false;
    }
  }

  private void as(String user, Runnable work) {
    List<String> groups = identity.createGroupQuery().groupMember(user).listPage(0, EngineLimits.SMALL_LIST).stream()
        .map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }
}
