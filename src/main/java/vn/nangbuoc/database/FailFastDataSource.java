package vn.nangbuoc.database;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * While the database is away, requests fail at once instead of each waiting the pool's connection
 * timeout. The pool cannot tell a database that is away from one that is merely busy (every
 * connection in use): both end in a wait. Only the first kind trips this: a wait that ended with the
 * server unreachable (SQLSTATE class 08, or a refused socket). Then every request fails at once, and
 * one at a time (at most every {@link #PROBE_EVERY}) tries the pool again, so the first request after
 * the database is back finds it.
 */
final class FailFastDataSource extends DelegatingDataSource implements AutoCloseable {

  static final Duration PROBE_EVERY = Duration.ofSeconds(2);

  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile long awaySince;
  private volatile long nextProbe;

  FailFastDataSource(DataSource pool) {
    super(pool);
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (awaySince != 0) {
      if (System.nanoTime() < nextProbe || !probing.compareAndSet(false, true)) {
        throw new SQLTransientConnectionException("database unreachable since an earlier try", "08001");
      }
      try {
        return connect();
      } finally {
        probing.set(false);
      }
    }
    return connect();
  }

  private Connection connect() throws SQLException {
    try {
      Connection connection = super.getConnection();
      awaySince = 0;
      return connection;
    } catch (SQLException e) {
      if (unreachable(e)) {
        if (awaySince == 0) {
          awaySince = System.nanoTime();
        }
        nextProbe = System.nanoTime() + PROBE_EVERY.toNanos();
      }
      throw e;
    }
  }

  /** A pool that timed out while the server refused connections, not one that was only busy. */
  static boolean unreachable(Throwable error) {
    for (Throwable t = error.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException
          || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws Exception {
    if (getTargetDataSource() instanceof AutoCloseable pool) {
      pool.close();
    }
  }
}
