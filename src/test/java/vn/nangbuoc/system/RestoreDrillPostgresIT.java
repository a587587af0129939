package vn.nangbuoc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nangbuoc.system.DatabaseChecks.count;
import static vn.nangbuoc.system.DatabaseChecks.strings;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.nangbuoc.PostgresTestDatabase;

/**
 * The drill of docs/backup-and-restore.md: children are taken through the surgery path over HTTP by four
 * people at once; in the middle of it the whole database is backed up with pg_dump while their requests
 * run; the machine is then lost (the application stopped, its database left behind), the backup restored
 * into a fresh database and a fresh application started on it. Every pathway the backup saw continues
 * from where it saw it: each holds every step answered before the backup began and none sent after it
 * ended, waits at the task the first application did next from there, and is completed to its end; the
 * engine's tasks, the step records and the fund ledger agree in the backup and afterwards.
 */
class RestoreDrillPostgresIT {

  private static final int CHILDREN = 8;
  /** A child more is listed after every this many tasks done: at any moment the children stand at different steps. */
  private static final int SPREAD = 3;
  private static final int PEOPLE = 4;
  /** Review, screening, referral, approval, disbursement, surgery, settlement, three follow-ups, closure. */
  private static final int TASKS_A_CHILD = 11;
  /** The backup is taken once a third of the load's tasks are done. */
  private static final int BACKUP_AFTER = CHILDREN * TASKS_A_CHILD / 3;

  /** One completion as the client saw it. */
  private record Step(String taskKey, long sentAt, long answeredAt) {
  }

  /** A pathway as the client saw it: when its listing was sent and answered, and its completions in order. */
  private record Seen(String pathway, long listSentAt, long listAnsweredAt, List<Step> steps) {
  }

  /** A pathway in the backup: how many of its tasks were completed, and the one it waited at (or null). */
  private record AtBackup(int completed, String openTask) {
  }

  @Test
  void shouldCarryOnEveryPathwayFromWhereTheBackupSawIt() throws Exception {
    String original = PostgresTestDatabase.another("drill");
    Path logs = Path.of("target", "restore-drill");
    Path backup = Files.createDirectories(logs).resolve("nangbuoc.dump");
    GreenMail smtp = new GreenMail(new ServerSetup(NodeProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      List<Seen> seen = new ArrayList<>();
      long backupStart;
      long backupEnd;
      try (NodeProcess node = NodeProcess.start(original, smtp.getSmtp().getPort(), logs.resolve("before.log"))) {
        System.out.printf("Restore drill: the application started after %.1f s%n",
            node.awaitHealthy(Duration.ofMinutes(4)));
        PathwaysOverHttp pathways = new PathwaysOverHttp(node::uri);
        Load load = new Load(pathways);
        while (load.done.get() < BACKUP_AFTER && load.running()) {
          Thread.sleep(50);
        }
        int doneAtBackup = load.done.get();
        long requestsBefore = pathways.requestsSent() - pathways.inFlight();
        backupStart = System.nanoTime();
        PostgresDumps.dump(original, backup);
        backupEnd = System.nanoTime();
        long duringBackup = pathways.requestsSent() - requestsBefore;
        // the machine is lost: the people stop at their next step, the application with them
        load.stop();
        seen.addAll(load.seen);
        assertThat(duringBackup).as("requests that ran while pg_dump did").isPositive();
        System.out.printf("Restore drill: pg_dump of the whole database in %.1f s, %d bytes, taken after %d of the"
            + " load's task completions, %d requests running or sent while it ran%n",
            (backupEnd - backupStart) / 1e9, Files.size(backup), doneAtBackup, duringBackup);
      }

      String restored = PostgresTestDatabase.another("restored");
      long restoreStart = System.nanoTime();
      PostgresDumps.restore(backup, restored);
      System.out.printf("Restore drill: pg_restore into a fresh database in %.1f s%n",
          (System.nanoTime() - restoreStart) / 1e9);
      try (Connection db = DriverManager.getConnection(restored)) {
        Map<String, AtBackup> atBackup = whereTheBackupSawThem(db, seen, backupStart, backupEnd);
        Map<String, Long> where = new TreeMap<>();
        atBackup.values().forEach(at -> where.merge(at.completed() + " done, at " + at.openTask(), 1L, Long::sum));
        System.out.println("Restore drill: the backup holds " + atBackup.size() + " of the " + seen.size()
            + " pathways listed, " + where + "; " + DatabaseChecks.assertConsistent(db) + "; "
            + count(db, "select count(*) from act_ru_job where lock_owner_ is not null")
            + " jobs locked by the lost application");

        try (NodeProcess node = NodeProcess.start(restored, smtp.getSmtp().getPort(), logs.resolve("after.log"))) {
          System.out.printf("Restore drill: a fresh application started on the restored database after %.1f s%n",
              node.awaitHealthy(Duration.ofMinutes(4)));
          PathwaysOverHttp pathways = new PathwaysOverHttp(node::uri);
          int steps = carryOn(pathways, seen, atBackup);
          assertThat(count(db, "select count(*) from act_ru_execution")).as("pathways still running").isZero();
          System.out.println("Restore drill: " + atBackup.size() + " pathways checked, each continued from where"
              + " the backup saw it and completed to its end (" + steps + " steps after the restore); "
              + DatabaseChecks.assertConsistent(db));
        }
      }
    } finally {
      smtp.stop();
    }
  }

  /**
   * Checks each pathway in the restored database against what the client saw, before any application runs
   * on it; returns, for each pathway the backup holds, how many of its tasks had been completed.
   */
  private static Map<String, AtBackup> whereTheBackupSawThem(Connection db, List<Seen> seen, long backupStart,
      long backupEnd) {
    Map<String, AtBackup> atBackup = new ConcurrentHashMap<>();
    for (Seen one : seen) {
      boolean held = count(db, "select count(*) from act_hi_procinst where proc_inst_id_ = ?", one.pathway()) == 1;
      if (!held) {
        assertThat(one.listAnsweredAt()).as("a pathway listed before the backup began is in it")
            .isGreaterThan(backupStart);
        assertThat(one.steps().stream().filter(s -> s.answeredAt() < backupStart)).isEmpty();
        continue;
      }
      assertThat(one.listSentAt()).as("a pathway listed after the backup ended is not in it").isLessThan(backupEnd);
      int completed = (int) count(db, "select count(*) from act_hi_taskinst where proc_inst_id_ = ?"
          + " and delete_reason_ = 'completed'", one.pathway());
      long answeredBefore = one.steps().stream().filter(s -> s.answeredAt() < backupStart).count();
      long sentBefore = one.steps().stream().filter(s -> s.sentAt() < backupEnd).count();
      assertThat((long) completed).as(one.pathway() + ": every step answered before the backup, none sent after it")
          .isBetween(answeredBefore, sentBefore);
      List<String> open = strings(db, "select task_def_key_ from act_ru_task where proc_inst_id_ = ?", one.pathway());
      if (completed < one.steps().size()) {
        // where the first application went on from there; a follow-up timer may stand between
        String nextDone = one.steps().get(completed).taskKey();
        if (open.isEmpty()) {
          assertThat(nextDone).isEqualTo("Task_FollowUpVisit");
          assertThat(count(db, "select count(*) from act_ru_job where process_instance_id_ = ? and type_ = 'timer'",
              one.pathway())).as(one.pathway() + " waits on its follow-up timer").isEqualTo(1);
        } else {
          assertThat(open).as(one.pathway() + " waits at the task done next from there").containsExactly(nextDone);
        }
      }
      atBackup.put(one.pathway(), new AtBackup(completed, open.isEmpty() ? null : open.get(0)));
    }
    return atBackup;
  }

  /**
   * Walks each pathway the backup holds to its end on the fresh application, four at a time; the first
   * task each completes is its open task at the backup. Returns the steps taken.
   */
  private static int carryOn(PathwaysOverHttp pathways, List<Seen> seen, Map<String, AtBackup> atBackup)
      throws Exception {
    ExecutorService people = Executors.newFixedThreadPool(PEOPLE);
    try {
      Map<Seen, Future<List<String>>> walks = new ConcurrentHashMap<>();
      for (Seen one : seen) {
        if (atBackup.containsKey(one.pathway())) {
          String openAtBackup = atBackup.get(one.pathway()).openTask();
          walks.put(one, people.submit(() -> {
            List<String> steps = pathways.walkToEnd(one.pathway(), Duration.ofMinutes(3));
            if (openAtBackup != null) {
              assertThat(steps.get(0)).as(one.pathway() + " goes on at its task at the backup")
                  .isEqualTo(openAtBackup);
            }
            return steps;
          }));
        }
      }
      int steps = 0;
      for (Map.Entry<Seen, Future<List<String>>> walk : walks.entrySet()) {
        List<String> after = walk.getValue().get();
        int before = atBackup.get(walk.getKey().pathway()).completed();
        assertThat(after.stream().filter(s -> !s.equals("timer")).count() + before)
            .as("tasks of " + walk.getKey().pathway() + " before the backup and after the restore")
            .isEqualTo(TASKS_A_CHILD);
        steps += after.size();
      }
      return steps;
    } finally {
      people.shutdown();
    }
  }
  /**
   * People taking the children through the path in turns, one task at a time each, a child more listed after
   * every {@link #SPREAD} tasks done; they stop at their next step once told to.
   */
  private static final class Load {

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final AtomicInteger done = new AtomicInteger();
    private final AtomicBoolean goOn = new AtomicBoolean(true);
    private final AtomicInteger listed = new AtomicInteger();
    private final Deque<Seen> turns = new ConcurrentLinkedDeque<>();
    private final PathwaysOverHttp pathways;
    private final ExecutorService people = Executors.newFixedThreadPool(PEOPLE);
    private final List<Future<?>> work = new ArrayList<>();

    Load(PathwaysOverHttp pathways) {
      this.pathways = pathways;
      for (int person = 0; person < PEOPLE; person++) {
        work.add(people.submit(this::work));
      }
    }

    private Void work() throws InterruptedException {
      while (goOn.get()) {
        int child = listed.get();
        if (child < CHILDREN && done.get() >= child * SPREAD && listed.compareAndSet(child, child + 1)) {
          long sentAt = System.nanoTime();
          String pathway = pathways.list(PathwaysOverHttp.childName(child)).pathway();
          Seen one = new Seen(pathway, sentAt, System.nanoTime(), new CopyOnWriteArrayList<>());
          seen.add(one);
          turns.addLast(one);
        } else if (turns.peekFirst() == null) {
          Thread.sleep(50); // the others hold the children listed so far
        } else {
          takeATurn(turns.pollFirst());
        }
      }
      return null;
    }

    private void takeATurn(Seen one) throws InterruptedException {
      if (one == null) {
        return;
      }
      int before = one.steps().size();
      pathways.walk(one.pathway(), Duration.ofMinutes(3), () -> goOn.get() && one.steps().size() == before,
          (task, sentAt, answeredAt) -> {
            one.steps().add(new Step(task, sentAt, answeredAt));
            done.incrementAndGet();
          });
      if (one.steps().size() < TASKS_A_CHILD) {
        turns.addLast(one);
      }
    }

    boolean running() {
      return work.stream().anyMatch(f -> !f.isDone());
    }

    void stop() throws Exception {
      goOn.set(false);
      people.shutdown();
      assertThat(people.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
      for (Future<?> each : work) {
        each.get();
      }
    }
  }
}
