package vn.nangbuoc.casefile;

import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers like {@code TPLANGSON-2026-00042}: per city/district and year, never given to two
 * cases. The counter row stays locked until the listing commits; a listing that rolls back gives its
 * number back, and no case ever held it.
 */
@Component
class CaseNumberGenerator {

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;

  CaseNumberGenerator(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** Must run inside the transaction that creates the case file: the counter row stays locked until it ends. */
  String next(String unitCode, int year) {
    ensureCounter(unitCode, year);
    jdbc.sql("update case_number_counter set last_value = last_value + 1 where unit_code = ? and counter_year = ?")
        .params(unitCode, year).update();
    int value = jdbc.sql("select last_value from case_number_counter where unit_code = ? and counter_year = ?")
        .params(unitCode, year).query(Integer.class).single();
    return "%s-%d-%05d".formatted(unitCode, year, value);
  }

  /**
   * {@code count} consecutive numbers at once, for an import: one counter update instead of one per
   * child. Same rule as {@link #next}: inside the importing transaction.
   */
  List<String> nextBlock(String unitCode, int year, int count) {
    ensureCounter(unitCode, year);
    jdbc.sql("update case_number_counter set last_value = last_value + ? where unit_code = ? and counter_year = ?")
        .params(count, unitCode, year).update();
    int last = jdbc.sql("select last_value from case_number_counter where unit_code = ? and counter_year = ?")
        .params(unitCode, year).query(Integer.class).single();
    List<String> numbers = new ArrayList<>(count);
    for (int value = last - count + 1; value <= last; value++) {
      numbers.add("%s-%d-%05d".formatted(unitCode, year, value));
    }
    return numbers;
  }

  /**
   * Creates the year's counter behind a savepoint: two first listings of a year may race for it,
   * and on PostgreSQL the loser's failed insert would otherwise poison its whole transaction. (A
   * separate transaction would need a second connection per listing and can exhaust the pool.)
   */
  private void ensureCounter(String unitCode, int year) {
    boolean exists = jdbc.sql("select count(*) from case_number_counter where unit_code = ? and counter_year = ?")
        .params(unitCode, year).query(Integer.class).single() > 0;
    if (exists) {
      return;
    }
    try {
      savepoint.executeWithoutResult(status ->
          jdbc.sql("insert into case_number_counter (unit_code, counter_year, last_value) values (?, ?, 0)")
              .params(unitCode, year).update());
    } catch (DuplicateKeyException raceLost) {
      // another listing created it first: fine
    }
  }
}
