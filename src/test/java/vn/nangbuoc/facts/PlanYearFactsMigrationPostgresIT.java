package vn.nangbuoc.facts;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import vn.nangbuoc.PostgresTestDatabase;

class PlanYearFactsMigrationPostgresIT extends PlanYearFactsMigrationChecks {

  @Override
  DataSource freshDatabase() {
    PGSimpleDataSource database = new PGSimpleDataSource();
    database.setURL(PostgresTestDatabase.another("planyearfacts"));
    database.setUser("postgres");
    return database;
  }

  @Override
  String vendor() {
    return "postgresql";
  }
}
