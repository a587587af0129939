package vn.nangbuoc.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionGuardTest {

  @Test
  void shouldRefuseToStartProductionWithDemoUsers() {
    MockEnvironment production = new MockEnvironment();
    production.setActiveProfiles("postgres", "prod");

    assertThatThrownBy(() -> new ProductionGuard(production, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nangbuoc.demo.enabled");
  }

  @Test
  void shouldStartProductionWithoutDemoUsersAndTheDemoWithThem() {
    MockEnvironment production = new MockEnvironment();
    production.setActiveProfiles("prod");
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("postgres");

    assertThatCode(() -> new ProductionGuard(production, false)).doesNotThrowAnyException();
    assertThatCode(() -> new ProductionGuard(demo, true)).doesNotThrowAnyException();
  }
}
