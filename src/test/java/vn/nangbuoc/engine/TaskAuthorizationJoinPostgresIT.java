package vn.nangbuoc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.nangbuoc.NangBuocPostgresTest;

@NangBuocPostgresTest
class TaskAuthorizationJoinPostgresIT {

  @Autowired
  ProcessEngine engine;

  @Test
  void shouldRewriteTaskQueriesOnPostgres() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();

    TaskAuthorizationJoin rewrite = configuration.getSqlSessionFactory().getConfiguration().getInterceptors().stream()
        .filter(TaskAuthorizationJoin.class::isInstance).map(TaskAuthorizationJoin.class::cast).findFirst().orElseThrow();
    long before = rewrite.rewritten.get();

    engine.getIdentityService().setAuthentication("cvldtbxh", List.of("ldtbxhTpLangSon"));
    try {
      engine.getTaskService().createTaskQuery().taskCandidateGroup("ldtbxhTpLangSon").orderByDueDate().asc()
          .listPage(0, 15);
      engine.getTaskService().createTaskQuery().taskCandidateGroup("ldtbxhTpLangSon").count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    assertThat(rewrite.rewritten.get() - before).isEqualTo(2);
  }
}
