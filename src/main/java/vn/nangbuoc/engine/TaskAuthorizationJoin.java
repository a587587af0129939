package vn.nangbuoc.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On PostgreSQL, the engine's task queries check authorizations by joining every authorization of the
 * user's groups to every task on {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}. PostgreSQL can
 * only answer that join by comparing each pair: a caseworker's list of 5,000 open tasks took 12 to 16
 * seconds (docs/performance.md), and it grows with the square of the group's open tasks. Rewritten as
 * a lateral join, the same condition looks up each task's own authorizations in the resource index:
 * about 0.1 s. Same rows, same permissions: only the join changes. A query the pattern does not match
 * (another engine version) runs unchanged. Applied by {@link TaskQueryRewrite}.
 */
final class TaskAuthorizationJoin {

  private static final Pattern AUTHORIZATION_JOIN = Pattern.compile(
      "inner\\s+join\\s*\\(\\s*SELECT\\s+A\\.\\*\\s+FROM\\s+(?<table>\\S*ACT_RU_AUTHORIZATION)\\s+A\\s+WHERE(?<where>.*?)\\)"
          + "\\s*AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s+IN\\s*\\((?<resources>[^)]*)\\)\\s*\\)",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TASK_QUERY = Pattern.compile("from\\s+\\S*ACT_RU_TASK\\s+RES\\b", Pattern.CASE_INSENSITIVE);

  /** The task query with its authorization join made lateral; null for any other statement. */
  static String rewrite(String sql) {
    // every statement the engine prepares passes here: the plain search rules most out before any pattern runs
    if (!sql.contains("ACT_RU_AUTHORIZATION") || !TASK_QUERY.matcher(sql).find()) {
      return null;
    }
    Matcher join = AUTHORIZATION_JOIN.matcher(sql);
    if (!join.find()) {
      return null;
    }
    StringBuilder result = new StringBuilder();
    do {
      join.appendReplacement(result, Matcher.quoteReplacement("inner join lateral (SELECT A.* FROM "
          + join.group("table") + " A WHERE" + join.group("where") + " AND A.RESOURCE_ID_ IN ("
          + join.group("resources") + ") LIMIT 1) AUTH ON (1 = 1)"));
    } while (join.find());
    join.appendTail(result);
    return result.toString();
  }

  private TaskAuthorizationJoin() {
  }
}
