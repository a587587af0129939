package vn.nangbuoc.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.nangbuoc.NangBuocPostgresTest;
import vn.nangbuoc.casefile.Sex;

@NangBuocPostgresTest
class FactSummaryPostgresIT extends FactSummaryChecks {

  @Autowired
  PlatformTransactionManager transactions;

  /**
   * Two changes of one commune's children, each taking another lock (a fund's row, as a closure and a payment do)
   * in the other order: the cells they share are added to only as each commits, so neither waits for the cells
   * while holding the fund, and PostgreSQL finds no deadlock (the restore drill's parallel walks found one).
   */
  @Test
  void shouldNeverDeadlockTwoChangesThatTakeAnotherLockBetweenTheirCells() throws Exception {
    long first = caseOf(listed("MAIPHA", "cbmaipha", Sex.FEMALE, 3, "Pà Thẻn"));
    long second = caseOf(listed("MAIPHA", "cbmaipha", Sex.FEMALE, 3, "Pà Thẻn"));
    String fund = jdbc.queryForObject("select min(id) from fund", String.class);
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    CountDownLatch firstChanged = new CountDownLatch(1);
    CountDownLatch secondHoldsTheFund = new CountDownLatch(1);

    CompletableFuture<Void> one = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
      change(first);
      firstChanged.countDown();
      await(secondHoldsTheFund);
      jdbc.queryForList("select id from fund where id = ? for no key update", fund);
    }));
    CompletableFuture<Void> two = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
      await(firstChanged);
      jdbc.queryForList("select id from fund where id = ? for no key update", fund);
      secondHoldsTheFund.countDown();
      sleep();
      change(second);
    }));

    two.get(60, TimeUnit.SECONDS);
    one.get(60, TimeUnit.SECONDS);
    Map<String, List<Long>> kept = cells();
    summary.rebuild();
    assertThat(cells()).as("both changes are in the cells, once").isEqualTo(kept);
  }

  /** A change of the child's facts, told to the summary as the facts' writers tell it. */
  private void change(long caseId) {
    Runnable after = summary.changing(List.of(caseId));
    jdbc.update("update case_fact set ethnicity = 'Lô Lô' where case_id = ?", caseId);
    after.run();
  }

  private long caseOf(org.camunda.bpm.engine.runtime.ProcessInstance pathway) {
    return jdbc.queryForObject("select id from case_file where process_instance_id = ?", Long.class,
        pathway.getId());
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Long enough for the first to be waiting for the fund. */
  private static void sleep() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
