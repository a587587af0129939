package vn.nangbuoc.database;

import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database the application runs on, for the few statements that are worth writing for
 * PostgreSQL (production) in its own dialect; H2 (demo, tests) gets the portable form.
 */
@Component
public class DatabaseProduct {

  private final boolean postgres;

  DatabaseProduct(DataSource dataSource) {
    this.postgres = Boolean.TRUE.equals(new JdbcTemplate(dataSource).execute((ConnectionCallback<Boolean>) connection ->
        "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
  }

  public boolean postgres() {
    return postgres;
  }
}
