package vn.nangbuoc.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** A pool that is busy is waited for; a database that is away is not waited for twice. */
class FailFastDataSourceTest {

  @Test
  void shouldFailAtOnceAfterTheServerWasFoundUnreachableAndRecoverAfterAProbe() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    SwitchablePool pool = new SwitchablePool(tries);
    FailFastDataSource dataSource = new FailFastDataSource(pool);

    pool.away = true;
    assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
    assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
    assertThat(tries).as("the second request did not wait for the pool").hasValue(1);

    pool.away = false;
    Thread.sleep(FailFastDataSource.PROBE_EVERY.toMillis() + 100);
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.isValid(1)).isTrue();
    }
    try (Connection connection = dataSource.getConnection()) {
      assertThat(tries).hasValue(3);
    }
  }

  @Test
  void shouldKeepWaitingForABusyPool() {
    AtomicInteger tries = new AtomicInteger();
    SwitchablePool pool = new SwitchablePool(tries);
    pool.busy = true;
    FailFastDataSource dataSource = new FailFastDataSource(pool);

    assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
    assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
    assertThat(tries).as("every request waited for the pool itself").hasValue(2);
  }

  /** Times out as Hikari does: with the last connection failure as the cause when the server is away. */
  static final class SwitchablePool extends DelegatingDataSource {
    volatile boolean away;
    volatile boolean busy;
    private final AtomicInteger tries;

    SwitchablePool(AtomicInteger tries) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:fail-fast;DB_CLOSE_DELAY=-1");
      setTargetDataSource(h2);
      this.tries = tries;
    }

    @Override
    public Connection getConnection() throws SQLException {
      tries.incrementAndGet();
      if (away) {
        SQLException refused = new SQLException("Connection refused", "08001", new ConnectException("refused"));
        throw new SQLTransientConnectionException("pool - Connection is not available", refused);
      }
      if (busy) {
        throw new SQLTransientConnectionException("pool - Connection is not available, request timed out");
      }
      return super.getConnection();
    }
  }
}
