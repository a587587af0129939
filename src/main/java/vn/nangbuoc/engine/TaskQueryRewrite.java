package vn.nangbuoc.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.SystemMetaObject;

/**
 * On PostgreSQL, the engine's task queries as PostgreSQL answers them fast: the authorization join
 * made lateral ({@link TaskAuthorizationJoin}), a page by due date taken in index order
 * ({@link TaskPageByDueDate}), and a list of "mine or my groups'" split in two
 * ({@link MineOrMyGroupsSplit}). Each rewrite keeps the rows and permissions of the engine's query; a
 * statement no pattern matches (another engine version, another query) runs unchanged.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
final class TaskQueryRewrite implements Interceptor {

  /**
   * Statements changed so far by each rewrite, and split statements planned for their parameters: a test
   * sees that the engine's own queries matched.
   */
  final AtomicLong authorizationJoins = new AtomicLong();
  final AtomicLong pagesByDueDate = new AtomicLong();
  final AtomicLong mineOrMyGroupsSplits = new AtomicLong();
  final AtomicLong plannedForTheirParameters = new AtomicLong();

  /**
   * The outcome for each statement text seen, rewritten or not: the engine prepares the same few texts
   * over and over (parameters are placeholders), and matching the patterns took 4 % of the CPU of
   * the pathway benchmark. Emptied when full, for texts that vary without end (IN lists of any length).
   */
  private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
  static final int OUTCOMES_KEPT = 2_000;

  /** {@code split} is what was split in two, null where nothing was. */
  private record Outcome(String sql, List<TaskAuthorizationJoin.Repeat> repeats, boolean lateral, boolean page,
      MineOrMyGroupsSplit.Kind split) {

    boolean changed() {
      return lateral || page || split != null;
    }
  }

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    BoundSql bound = ((StatementHandler) invocation.getTarget()).getBoundSql();
    Outcome outcome = outcomes.get(bound.getSql());
    if (outcome == null) {
      outcome = rewrite(bound.getSql());
      if (outcomes.size() >= OUTCOMES_KEPT) {
        outcomes.clear();
      }
      outcomes.put(bound.getSql(), outcome);
    }
    if (outcome.lateral()) {
      SystemMetaObject.forObject(bound).setValue("parameterMappings",
          repeated(bound.getParameterMappings(), outcome.repeats()));
      authorizationJoins.incrementAndGet();
    }
    if (outcome.page()) {
      pagesByDueDate.incrementAndGet();
    }
    if (outcome.split() != null) {
      SystemMetaObject.forObject(bound).setValue("parameterMappings",
          MineOrMyGroupsSplit.parameters(bound.getParameterMappings(), outcome.split()));
      planForTheseParameters((Connection) invocation.getArgs()[0]);
      mineOrMyGroupsSplits.incrementAndGet();
    }
    if (outcome.changed()) {
      SystemMetaObject.forObject(bound).setValue("sql", outcome.sql());
    }
    return invocation.proceed();
  }

  private static Outcome rewrite(String sql) {
    TaskAuthorizationJoin.Rewrite lateral = TaskAuthorizationJoin.rewrite(sql);
    String afterJoin = lateral == null ? sql : lateral.sql();
    String page = TaskPageByDueDate.rewrite(afterJoin);
    String afterPage = page == null ? afterJoin : page;
    MineOrMyGroupsSplit.Split split = MineOrMyGroupsSplit.rewrite(afterPage);
    return new Outcome(split == null ? afterPage : split.sql(), lateral == null ? List.of() : lateral.repeats(),
        lateral != null, page != null, split == null ? null : split.kind());
  }

  /**
   * A split statement is planned for the user's own groups, not with the plan the connection's prepared
   * statement settles on after five runs (MineOrMyGroupsSplit). Set for the rest of the transaction only,
   * the engine's command that asks it: the other statements of the pooled connection keep their plans.
   * The engine runs every command in a transaction; outside one the setting would outlive the statement,
   * so it is left unset there, and the statement is answered right, only more slowly.
   */
  private void planForTheseParameters(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("set local plan_cache_mode = force_custom_plan");
      }
      plannedForTheirParameters.incrementAndGet();
    }
  }

  /** The engine's parameters, with each run the rewrite wrote twice asked twice, in place. */
  static <P> List<P> repeated(List<P> parameters, List<TaskAuthorizationJoin.Repeat> repeats) {
    List<P> result = new ArrayList<>(parameters.size());
    int next = 0;
    for (TaskAuthorizationJoin.Repeat repeat : repeats) {
      int end = repeat.first() + repeat.count();
      result.addAll(parameters.subList(next, end));
      result.addAll(parameters.subList(repeat.first(), end));
      next = end;
    }
    result.addAll(parameters.subList(next, parameters.size()));
    return result;
  }

  @Override
  public Object plugin(Object target) {
    return Plugin.wrap(target, this);
  }

  @Override
  public void setProperties(Properties properties) {
    // nothing to configure
  }
}
