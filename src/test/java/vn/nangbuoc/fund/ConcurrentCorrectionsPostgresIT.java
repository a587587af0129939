package vn.nangbuoc.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.NangBuocPostgresTest;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.system.EngineTime;

/**
 * Confirmations of corrections at the same moment, on PostgreSQL: one proposal confirmed by eight
 * people at once takes effect once; ten proposals of 3,000,000 on a fund of 10,000,000 confirmed at
 * once take effect three times, and the fund never goes below zero.
 */
@NangBuocPostgresTest
class ConcurrentCorrectionsPostgresIT {

  @Autowired
  FundLedger ledger;
  @Autowired
  FundBooks books;
  @Autowired
  FundRepository repository;
  @Autowired
  FundCorrections corrections;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void shouldLetExactlyOneOfConcurrentConfirmationsTakeEffect() throws Exception {
    String fund = fundHolding(10_000_000);
    long receipt = jdbc.queryForObject("select id from fund_entry where fund_id = ?", Long.class, fund);
    long proposal = corrections.propose(receipt, -1_000_000, 0, 0, "Nhập nhầm", "cvtaichinh").id();
    List<Callable<Boolean>> confirmations = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String confirmer = "ketoan" + i;
      confirmations.add(() -> corrections.confirm(proposal, confirmer).status() == CorrectionStatus.CONFIRMED);
    }

    assertThat(allAtOnce(confirmations)).isEqualTo(1);
    assertThat(books.balance(fund)).isEqualTo(new Balance(9_000_000, 0, 0));
    assertThat(jdbc.queryForObject("select count(*) from fund_entry where fund_id = ? and entry_type = 'CORRECTION'",
        Long.class, fund)).isEqualTo(1);
  }

  @Test
  void shouldNeverTakeTheFundBelowZeroWhateverIsConfirmedAtTheSameMoment() throws Exception {
    String fund = fundHolding(10_000_000);
    long receipt = jdbc.queryForObject("select id from fund_entry where fund_id = ?", Long.class, fund);
    List<Callable<Boolean>> confirmations = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      long proposal = corrections.propose(receipt, -3_000_000, 0, 0, "Nhập nhầm " + i, "cvtaichinh").id();
      confirmations.add(() -> corrections.confirm(proposal, "ktquy").status() == CorrectionStatus.CONFIRMED);
    }

    assertThat(allAtOnce(confirmations)).isEqualTo(3);
    assertThat(books.balance(fund)).isEqualTo(new Balance(1_000_000, 0, 0));
    assertThat(corrections.corrections(fund, CorrectionStatus.PROPOSED)).hasSize(7);
    assertThat(jdbc.queryForObject("select sum(d_available) from fund_entry where fund_id = ?", Long.class, fund))
        .isEqualTo(1_000_000);
  }

  private String fundHolding(long amount) {
    String fund = "testFund" + UUID.randomUUID().toString().substring(0, 8);
    repository.upsertFund(fund, "Quỹ thử nghiệm", "LANGSON");
    ledger.receive(fund, ReceiptKind.BUDGET, amount, null, null, EngineTime.today(), "cvtaichinh");
    return fund;
  }

  /** How many of the calls succeeded; the others must have been refused with a Vietnamese message, not failed. */
  private static int allAtOnce(List<Callable<Boolean>> calls) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService people = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (Callable<Boolean> call : calls) {
        outcomes.add(people.submit(() -> {
          start.await();
          try {
            return call.call();
          } catch (InvalidInputException refused) {
            return false;
          }
        }));
      }
      start.countDown();
      int succeeded = 0;
      for (Future<Boolean> outcome : outcomes) {
        succeeded += outcome.get() ? 1 : 0;
      }
      return succeeded;
    } finally {
      people.shutdown();
    }
  }
}
