package vn.nangbuoc.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Select;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * The engine asks, in every command of an authenticated user, which groups appear in any
 * authorization ({@code selectAuthorizedGroupIds}: a DISTINCT over the whole authorization table), to
 * leave the other groups out of its checks. Each pathway adds about thirty authorizations (every group
 * serving the child's commune may read it), so the table grows with the province's children and the
 * question slowed every task list and completion, linearly with the table (camunda/camunda-bpm-platform#5485).
 * The same answer is read here by skipping from one group to the next along the group index: one index
 * probe per group (figures: docs/performance.md, "Why the code is as it is").
 */
final class AuthorizedGroupIds {

  static final String ENGINE_STATEMENT = "selectAuthorizedGroupIds";

  interface Mapper {
    @Select("with recursive authorized(group_id) as ("
        + " select min(GROUP_ID_) from ${prefix}ACT_RU_AUTHORIZATION"
        + " union all"
        + " select (select min(A.GROUP_ID_) from ${prefix}ACT_RU_AUTHORIZATION A"
        + " where A.GROUP_ID_ > authorized.group_id)"
        + " from authorized where authorized.group_id is not null)"
        + " select group_id from authorized where group_id is not null")
    List<String> selectAuthorizedGroupIds();
  }

  static final String STATEMENT = Mapper.class.getName() + "." + ENGINE_STATEMENT;

  private AuthorizedGroupIds() {
  }

  /** After the engine's set-up: our statement joins its MyBatis mappings and stands in for the engine's. */
  static void install(ProcessEngineConfigurationImpl configuration) {
    org.apache.ibatis.session.Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasMapper(Mapper.class)) {
      mybatis.addMapper(Mapper.class);
    }
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
        : new HashMap<>(sessions.getStatementMappings());
    mappings.put(ENGINE_STATEMENT, STATEMENT);
    sessions.setStatementMappings(mappings);
  }
}
