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

    assertThatThrownBy(() -> ProductionGuard.check(production.withProperty("nangbuoc.demo.enabled", "true")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nangbuoc.demo.enabled");
  }

  @Test
  void shouldRefuseToStartProductionWithoutAnAdministratorFromTheEnvironment() {
    MockEnvironment noAdmin = new MockEnvironment();
    noAdmin.setActiveProfiles("prod");
    MockEnvironment weakPassword = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "quantri")
        .withProperty("camunda.bpm.admin-user.password", "demo123");
    weakPassword.setActiveProfiles("prod");

    assertThatThrownBy(() -> ProductionGuard.check(noAdmin)).hasMessageContaining("NANGBUOC_ADMIN_USER");
    assertThatThrownBy(() -> ProductionGuard.check(weakPassword)).hasMessageContaining("NANGBUOC_ADMIN_PASSWORD");
  }

  @Test
  void shouldStartProductionWithoutDemoUsersAndTheDemoWithThem() {
    MockEnvironment production = new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", "quantri")
        .withProperty("camunda.bpm.admin-user.password", "mot-mat-khau-dai-2026");
    production.setActiveProfiles("prod");
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles("postgres");

    assertThatCode(() -> ProductionGuard.check(production)).doesNotThrowAnyException();
    assertThatCode(() -> ProductionGuard.check(demo.withProperty("nangbuoc.demo.enabled", "true")))
        .doesNotThrowAnyException();
  }
}
