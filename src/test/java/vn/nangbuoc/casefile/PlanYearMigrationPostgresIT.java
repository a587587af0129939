package vn.nangbuoc.casefile;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import vn.nangbuoc.PostgresTestDatabase;

class PlanYearMigrationPostgresIT extends PlanYearMigrationChecks {

  @Override
  DataSource freshDatabase() {
    PGSimpleDataSource database = new PGSimpleDataSource();
    database.setURL(PostgresTestDatabase.another("planyear"));
    database.setUser("postgres");
    return database;
  }

  @Override
  String vendor() {
    return "postgresql";
  }
}
