package vn.nangbuoc.reorganisation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.notification.Notifications;
import vn.nangbuoc.organisation.OrganisationChanges;
import vn.nangbuoc.security.AccessPolicy;
import vn.nangbuoc.system.EngineSystem;
import vn.nangbuoc.system.EngineTime;
import vn.nangbuoc.system.NodeName;

/**
 * Uploads, previews and applies reorganisations. Applying runs in steps, each its own transaction: the
 * structure and the plan; the cases, one batch at a time (an administrator may stop between two; a crash
 * loses at most the batch in hand, rolled back); the funds, the rights of the groups, one mail to each person
 * who gained work, and the record. Applying again resumes where it stopped, and after the end changes nothing:
 * every step is safe to run twice, and what is counted (cases, tasks per group) is kept with the batches, so
 * the record counts every run.
 */
@Service
class ReorganisationRun {

  private static final Logger log = LoggerFactory.getLogger(ReorganisationRun.class);

  /** What the apply did, over all its runs (a stop or a crash and the resume count once). */
  record Summary(int cases, int tasksRerouted, Map<String, Integer> tasksByGroup, List<Preview.FundMove> funds,
      List<String> groupsRevoked) {
  }

  private final Reorganisations reorganisations;
  private final ReorganisationPreview previews;
  private final StructuralChange structure;
  private final CasePlanner planner;
  private final CaseCarrier carrier;
  private final FundsOfEndedAgencies funds;
  private final FundHandOver handOver;
  private final OrganisationChanges changes;
  private final AccessPolicy accessPolicy;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final int batchSize;
  private final int workers;
  /**
   * How long a run may be silent before another may take the apply over: far above one batch (under a second to a
   * few seconds), so that only a run whose node died or lost the database is taken over.
   */
  private static final Duration RUN_LEASE = Duration.ofMinutes(2);
  private final EngineSystem system;
  private final Notifications notifications;
  private final OrganisationFingerprint fingerprint;
  private final AtomicInteger previewsAtApply = new AtomicInteger();

  ReorganisationRun(Reorganisations reorganisations, ReorganisationPreview previews, StructuralChange structure,
      CasePlanner planner, CaseCarrier carrier, FundsOfEndedAgencies funds, FundHandOver handOver,
      OrganisationChanges changes, AccessPolicy accessPolicy, PlatformTransactionManager transactions,
      ObjectMapper json, @Value("${nangbuoc.reorganisation.batch-size:200}") int batchSize, EngineSystem system,
      Notifications notifications, OrganisationFingerprint fingerprint,
      @Value("${nangbuoc.reorganisation.workers:2}") int workers) {
    this.workers = Math.max(1, workers);
    this.fingerprint = fingerprint;
    this.system = system;
    this.notifications = notifications;
    this.reorganisations = reorganisations;
    this.previews = previews;
    this.structure = structure;
    this.planner = planner;
    this.carrier = carrier;
    this.funds = funds;
    this.handOver = handOver;
    this.changes = changes;
    this.accessPolicy = accessPolicy;
    this.transaction = new TransactionTemplate(transactions);
    this.json = json;
    this.batchSize = batchSize;
  }

  /** Reads and previews a change set, and keeps both: nothing of the organisation changes. */
  Reorganisations.Reorganisation upload(String text, String user) {
    ChangeSet changeSet = ChangeSetReader.read(text);
    // taken before the preview: a change while it runs makes the apply preview again
    String organisation = fingerprint.now();
    Preview preview = system.call(() -> previews.preview(changeSet, text, user));
    long id = transaction.execute(status -> {
      long created = reorganisations.create(changeSet, text, user, write(preview));
      reorganisations.fingerprint(created, organisation);
      return created;
    });
    log.info("Reorganisation {} uploaded by {}: {} problem(s)", id, user, preview.problems().size());
    return find(id);
  }

  Reorganisations.Reorganisation find(long id) {
    return reorganisations.find(id)
        .orElseThrow(() -> new NotFoundException("Không có lần sắp xếp tổ chức số " + id + "."));
  }

  /**
   * Applies (or resumes) the reorganisation; {@code maxBatches} bounds the batches of this call (the rest
   * waits for the next one, as after a stop).
   */
  Reorganisations.Reorganisation apply(long id, String user, int maxBatches) {
    // the administrator's right to reorganise was checked; carrying every case across is the system's work,
    // beyond any one user's rights and query limits
    return system.call(() -> applyAsTheSystem(id, user, maxBatches));
  }

  private Reorganisations.Reorganisation applyAsTheSystem(long id, String user, int maxBatches) {
    Reorganisations.Reorganisation row = find(id);
    if (row.status() == ReorganisationStatus.APPLIED) {
      return row;
    }
    ChangeSet changeSet = ChangeSetReader.read(row.changeSet());
    if (changeSet.effective().isAfter(EngineTime.today())) {
      throw new InvalidInputException("Chưa đến ngày hiệu lực " + VietnameseFormat.date(changeSet.effective())
          + " của lần sắp xếp này: chưa áp dụng được.");
    }
    String runner = NodeName.get() + "/" + UUID.randomUUID();
    if (!Boolean.TRUE.equals(transaction.execute(status -> reorganisations.claimRun(id, runner, EngineTime.now(),
        RUN_LEASE)))) {
      throw new InvalidInputException("Lần sắp xếp tổ chức số " + id + " đang được áp dụng (ở một máy chủ khác hoặc"
          + " bởi một yêu cầu khác). Hãy chờ lần đó xong, hoặc dừng nó, rồi thử lại.");
    }
    try {
      return applyClaimed(id, user, maxBatches, changeSet, runner);
    } finally {
      transaction.executeWithoutResult(status -> reorganisations.releaseRun(id, runner));
    }
  }

  /** The apply, once this run holds it: nothing of it runs twice at once. */
  private Reorganisations.Reorganisation applyClaimed(long id, String user, int maxBatches, ChangeSet changeSet,
      String runner) {
    // read again under the claim: a run that held it before may have finished meanwhile
    Reorganisations.Reorganisation row = find(id);
    if (row.status() == ReorganisationStatus.APPLIED) {
      return row;
    }
    boolean first = row.status() == ReorganisationStatus.PREVIEWED;
    if (first && previewAgain(id)) {
      previewsAtApply.incrementAndGet();
      List<String> problems = previews.preview(changeSet, row.changeSet(), user).problems();
      if (!problems.isEmpty()) {
        throw new InvalidInputException("Chưa áp dụng được: " + String.join(" ", problems));
      }
    }
    StructuralChange.Outcome outcome = transaction.execute(status -> {
      StructuralChange.Outcome done = structure.apply(changeSet, changeSet.effective());
      if (first && !done.problems().isEmpty()) {
        // what the preview would have refused; thrown, it rolls the structure back
        throw new InvalidInputException("Chưa áp dụng được: " + String.join(" ", done.problems()));
      }
      planner.plan(id, done);
      reorganisations.starting(id, user);
      return done;
    });
    if (!carryAll(id, user, maxBatches, runner)) {
      reorganisations.stopped(id);
      return find(id);
    }
    // the end and its record in one transaction: a crash between the two would record the funds emptied already
    Summary summary = transaction.execute(status -> {
      stillHeld(id, runner);
      Summary done = finish(id, changeSet.name(), outcome, user);
      reorganisations.applied(id, write(done));
      return done;
    });
    log.info("Reorganisation {} applied by {}: {} case(s)", id, user, summary.cases());
    return find(id);
  }

  /**
   * Carries the planned cases, batch by batch, on {@code workers} threads (each its own cases, by id; batches are
   * independent: every case, its tasks and its rights are one batch's, and the counts are added in each batch's
   * transaction). A stop, the bound on batches or a failure ends every worker after its batch in hand; a
   * failure is thrown once all have ended, with whole batches carried and the failed one rolled back.
   *
   * @return whether every case was carried (false: stopped)
   */
  private boolean carryAll(long id, String user, int maxBatches, String runner) {
    AtomicInteger batches = new AtomicInteger();
    AtomicBoolean stopped = new AtomicBoolean();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    ExecutorService threads = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int worker = 0; worker < workers; worker++) {
        int me = worker;
        running.add(threads.submit(() -> {
          try {
            while (!stopped.get() && failure.get() == null) {
              if (batches.getAndIncrement() >= maxBatches || reorganisations.stopRequested(id)) {
                stopped.set(true);
                return;
              }
              // alive, in a short transaction of its own: a batch's would hold the row from the other worker
              transaction.executeWithoutResult(status -> stillHeld(id, runner));
              if (!carryOneBatch(id, user, me, runner)) {
                return;
              }
            }
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
          }
        }));
      }
      for (Future<?> worker : running) {
        worker.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      threads.shutdown();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    if (stopped.get()) {
      log.info("Reorganisation {} stopped after {} batch(es)", id, Math.min(batches.get(), maxBatches));
      return false;
    }
    return true;
  }

  /**
   * One batch of one worker, in its own transaction; answers whether there was one. Two batches adding the
   * first count of the same group collide on its row: the loser is rolled back whole and runs again.
   */
  private boolean carryOneBatch(long id, String user, int worker, String runner) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> {
          if (!reorganisations.holds(id, runner)) {
            throw new IllegalStateException("Reorganisation " + id + ": another run took the apply over");
          }
          List<Reorganisations.PlannedCase> next = reorganisations.nextToCarry(id, batchSize, worker, workers);
          reorganisations.countRerouted(id, carrier.carry(id, next, user));
          reorganisations.carried(id, next.stream().map(Reorganisations.PlannedCase::caseId).toList());
          return !next.isEmpty();
        });
      } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
        if (attempt == 3) {
          throw e;
        }
        log.info("Reorganisation {}: a batch met another worker's, run again ({})", id, e.getClass().getSimpleName());
      }
    }
  }

  /** In a batch's or the end's transaction: the run still holds the apply, or that transaction changes nothing. */
  private void stillHeld(long id, String runner) {
    if (!reorganisations.stillRunning(id, runner, EngineTime.now())) {
      throw new IllegalStateException("Reorganisation " + id + ": another run took the apply over from " + runner);
    }
  }

  /**
   * The upload's preview speaks for the apply when the organisation it saw is unchanged: the structure, every
   * group's staff, the routes of every task kind for every commune it touches and the funds are what they were.
   * What it cannot vouch for (a case listed since, in a commune it did not look at) the batches route as they
   * carry: a task that cannot be routed fails its batch, rolled back, and the apply stops there, resumable.
   */
  private boolean previewAgain(long id) {
    String seen = reorganisations.fingerprintOf(id).orElse(null);
    boolean unchanged = seen != null && seen.equals(fingerprint.now());
    if (unchanged) {
      log.info("Reorganisation {}: the organisation is as its preview saw it, not previewed again", id);
    }
    return !unchanged;
  }

  /** How many applies ran the preview again (a test's window on {@link #previewAgain}). */
  int previewsAtApply() {
    return previewsAtApply.get();
  }

  void requestStop(long id) {
    find(id);
    reorganisations.requestStop(id);
  }

  private Summary finish(long id, String name, StructuralChange.Outcome outcome, String user) {
    List<Preview.FundMove> moves = funds.moves(outcome, new ArrayList<>());
    moves.forEach(move -> handOver.transfer(move, "Sắp xếp tổ chức #" + id, user));
    accessPolicy.grantAll();
    List<String> revoked = outcome.endedAgencies().keySet().stream().flatMap(a -> changes.groupsOf(a).stream())
        .toList();
    accessPolicy.revokeEverything(revoked);
    Map<String, Integer> rerouted = reorganisations.rerouted(id);
    notifications.workHandedOver(id, name, rerouted);
    return new Summary(reorganisations.progress(id).carried(), rerouted.values().stream().mapToInt(n -> n).sum(),
        rerouted, moves, revoked);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
