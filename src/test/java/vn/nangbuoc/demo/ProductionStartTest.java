package vn.nangbuoc.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.NangBuocApplication;

/**
 * The prod profile starts: its first administrator, from the environment, is created while the engine is
 * being built (Camunda's admin-user plugin), and joining camunda-admin must not need the organisation
 * directory, which needs the engine. No demo user is created. Its own context and in-memory database, as
 * ProvinceDemoTest's. No demo organisation either: prod imports only the file the environment names.
 */
class ProductionStartTest {

  @Test
  void shouldStartWithTheAdministratorFromTheEnvironmentAndNoDemoUsers() {
    try (ConfigurableApplicationContext production = new SpringApplicationBuilder(NangBuocApplication.class)
        .profiles("test", "prod")
        .web(WebApplicationType.NONE)
        .run("--spring.autoconfigure.exclude="
                + "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
            "--spring.datasource.url=jdbc:h2:mem:nangbuoc-prod;DB_CLOSE_DELAY=-1",
            "--camunda.bpm.process-engine-name=production",
            "--camunda.bpm.admin-user.id=nguoiquantri",
            "--camunda.bpm.admin-user.password=mot-mat-khau-dai-2026")) {
      IdentityService identity = production.getBean(IdentityService.class);

      assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
          .extracting(user -> user.getId()).containsExactly("nguoiquantri");
      assertThat(identity.createUserQuery().count()).isEqualTo(1);
      assertThat(production.getBeanNamesForType(DemoUsersLoader.class)).isEmpty();
      // the test profile names the city's file; prod names only the office's own, from the environment
      assertThat(production.getBean(JdbcTemplate.class).queryForObject("select count(*) from agency", Integer.class))
          .isZero();
    }
  }
}
