package vn.nangbuoc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The engine's question "which groups have any authorization" answered by our statement, as the engine's would. */
abstract class AuthorizedGroupIdsChecks {

  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldAnswerWhichGroupsHaveAuthorizationsAsTheEngineWould() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    List<String> everyGroup = jdbc.sql("select distinct group_id_ from act_ru_authorization"
        + " where group_id_ is not null").query(String.class).list();

    List<String> answered = configuration.getCommandExecutorTxRequired().execute(command ->
        command.getDbEntityManager().selectList(AuthorizedGroupIds.ENGINE_STATEMENT));
    List<String> filtered = configuration.getCommandExecutorTxRequired().execute(command ->
        command.getAuthorizationManager().filterAuthenticatedGroupIds(List.of("ldtbxhTpLangSon", "khongCoQuyenNao")));

    assertThat(configuration.getDbSqlSessionFactory().mapStatement(AuthorizedGroupIds.ENGINE_STATEMENT))
        .isEqualTo(AuthorizedGroupIds.STATEMENT);
    assertThat(everyGroup).contains("ldtbxhTpLangSon", "ubndMaiPha");
    assertThat(answered).containsExactlyInAnyOrderElementsOf(everyGroup);
    assertThat(filtered).containsExactly("ldtbxhTpLangSon");
  }
}
