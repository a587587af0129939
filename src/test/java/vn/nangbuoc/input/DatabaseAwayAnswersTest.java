package vn.nangbuoc.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database is away" (503, try again later), however deep the engine wraps them. */
class DatabaseAwayAnswersTest {

  @Test
  void shouldRecogniseTheDatabaseAwayUnderEveryWrapping() {
    assertThat(ErrorAnswers.databaseAway(new SQLTransientConnectionException("pool timed out"))).isTrue();
    assertThat(ErrorAnswers.databaseAway(new CannotGetJdbcConnectionException("no connection"))).isTrue();
    assertThat(ErrorAnswers.databaseAway(new CannotCreateTransactionException("no transaction"))).isTrue();
    // the engine: MyBatis and the engine's own exception around the driver's "connection failure"
    assertThat(ErrorAnswers.databaseAway(new ProcessEngineException("query failed",
        new PersistenceException(new SQLException("I/O error", "08006"))))).isTrue();
    // PostgreSQL restarting under a request: its session ended by the shutdown, new ones refused while it starts
    for (String restart : List.of("57P01", "57P02", "57P03")) {
      assertThat(ErrorAnswers.databaseAway(new ProcessEngineException("exception in the persistence layer",
          new PersistenceException(new SQLException("terminating connection", restart))))).as(restart).isTrue();
    }
  }

  @Test
  void shouldNotCallOtherDatabaseErrorsAnAbsence() {
    assertThat(ErrorAnswers.databaseAway(new DuplicateKeyException("duplicate"))).isFalse();
    assertThat(ErrorAnswers.databaseAway(new ProcessEngineException("x", new SQLException("syntax", "42601"))))
        .isFalse();
    assertThat(ErrorAnswers.databaseAway(new IllegalStateException("other"))).isFalse();
    // a statement cancelled for its time (57014) is the request's own doing, not the server going away
    assertThat(ErrorAnswers.databaseAway(new SQLException("canceling statement", "57014"))).isFalse();
  }
}
