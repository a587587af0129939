package vn.nangbuoc.facts;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

class PlanYearFactsMigrationTest extends PlanYearFactsMigrationChecks {

  @Override
  DataSource freshDatabase() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:plan-year-facts-migration;DB_CLOSE_DELAY=-1");
    database.setUser("sa");
    return database;
  }

  @Override
  String vendor() {
    return "h2";
  }
}
