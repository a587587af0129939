package vn.nangbuoc.reorganisation;

import java.util.List;

/** The city reform scenario on the embedded H2 database. */
class CityReformScenarioTest extends CityReformScenario {

  @Override
  List<String> database() {
    return List.of("--spring.datasource.url=jdbc:h2:mem:nangbuoc-city-reform;DB_CLOSE_DELAY=-1");
  }

  @Override
  String[] profiles() {
    return new String[] {"test"};
  }
}
