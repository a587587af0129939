package vn.nangbuoc.reorganisation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.Trigger;

/**
 * An H2 row trigger that fails the statement at its {@code n}th row, once, as a database that kills the
 * transaction would: the count lives outside the transaction, so the rolled-back rows count too.
 */
public class CrashOnce implements Trigger {

  private static final AtomicInteger ROWS_LEFT = new AtomicInteger();
  private static volatile String message;

  static void arm(int n, String why) {
    message = why;
    ROWS_LEFT.set(n);
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    if (ROWS_LEFT.decrementAndGet() == 0) {
      throw new SQLException(message);
    }
  }
}
