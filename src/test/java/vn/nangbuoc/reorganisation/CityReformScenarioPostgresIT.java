package vn.nangbuoc.reorganisation;

import java.util.List;
import vn.nangbuoc.PostgresTestDatabase;

/** The city reform scenario on PostgreSQL, on a database of its own. */
class CityReformScenarioPostgresIT extends CityReformScenario {

  @Override
  List<String> database() {
    return List.of("--spring.datasource.url=" + PostgresTestDatabase.another("cityreform"),
        "--spring.datasource.username=postgres", "--spring.datasource.password=");
  }

  @Override
  String[] profiles() {
    return new String[] {"test", "postgres"};
  }
}
