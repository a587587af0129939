package vn.nangbuoc.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Which demo starts: by default the province after the 2025 reform, with profile city-2024 the 2024 city,
 * which is also what the shared test context runs on (so the tests prove the city demo, ProvinceDemoTest the
 * province). Each demo's organisation and users come as a pair, and the files exist.
 */
class DemoProfilesTest {

  static final String ORGANISATION = "nangbuoc.organisation.file";
  static final String USERS = "nangbuoc.demo.users-file";

  @Test
  void shouldStartTheProvinceByDefaultAndTheCityWithItsProfile() throws IOException {
    PropertySource<?> defaults = yaml("application.yaml");
    PropertySource<?> city = yaml("application-city-2024.yaml");

    assertThat(value(defaults, ORGANISATION)).isEqualTo("classpath:organisation/lang-son-province.yaml");
    assertThat(value(defaults, USERS)).isEqualTo("classpath:demo/lang-son-province-users.yaml");
    assertThat(value(city, ORGANISATION)).isEqualTo("classpath:organisation/lang-son-city.yaml");
    assertThat(value(city, USERS)).isEqualTo("classpath:demo/lang-son-city-users.yaml");
    for (PropertySource<?> source : List.of(defaults, city)) {
      for (String property : List.of(ORGANISATION, USERS)) {
        String location = value(source, property);
        assertThat(new DefaultResourceLoader().getResource(location).exists()).as(location).isTrue();
      }
    }
  }

  @Test
  void shouldRunTheSharedTestsOnTheCityDemo() throws IOException {
    PropertySource<?> tests = yaml("application-test.yaml");
    PropertySource<?> city = yaml("application-city-2024.yaml");

    assertThat(value(tests, ORGANISATION)).isEqualTo(value(city, ORGANISATION));
    assertThat(value(tests, USERS)).isEqualTo(value(city, USERS));
  }

  /** The value as written (the loader wraps it with where it was written). */
  private static String value(PropertySource<?> source, String property) {
    return String.valueOf(source.getProperty(property));
  }

  private static PropertySource<?> yaml(String name) throws IOException {
    return new YamlPropertySourceLoader().load(name, new ClassPathResource(name)).get(0);
  }
}
