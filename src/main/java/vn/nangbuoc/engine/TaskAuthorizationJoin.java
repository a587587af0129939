package vn.nangbuoc.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * On PostgreSQL, the engine's task queries check authorizations by joining every authorization of the
 * user's groups to every task on {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}. PostgreSQL can
 * only answer that join by comparing each pair, which grows with the square of the group's open tasks.
 * Rewritten as a lateral join, the same condition looks up each task's own authorizations in the
 * resource index; looked up apart from the process definition's, it reads one or two index entries per
 * task instead of one per group (figures: docs/performance.md, "Why the code is as it is"). Same rows,
 * same permissions: only the join changes. A query the pattern does not match (another engine version)
 * runs unchanged. Applied by {@link TaskQueryRewrite}.
 */
final class TaskAuthorizationJoin {

  private static final Pattern AUTHORIZATION_JOIN = Pattern.compile(
      "inner\\s+join\\s*\\(\\s*SELECT\\s+A\\.\\*\\s+FROM\\s+(?<table>\\S*ACT_RU_AUTHORIZATION)\\s+A"
          + "\\s+WHERE(?<where>.*?)\\)"
          + "\\s*AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s+IN\\s*\\((?<resources>[^)]*)\\)\\s*\\)",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TASK_QUERY =
      Pattern.compile("from\\s+\\S*ACT_RU_TASK\\s+RES\\b", Pattern.CASE_INSENSITIVE);

  /**
   * The rewritten statement, and the runs of its parameters that now appear twice: the task's own
   * authorizations are looked up apart from the process definition's and everyone's ('*'), so the
   * authorization condition, with its parameters, is written twice.
   */
  record Rewrite(String sql, List<Repeat> repeats) {
  }

  /** Parameters {@code first} to {@code first + count - 1} of the engine's statement, asked again right after. */
  record Repeat(int first, int count) {
  }

  /** The task query with its authorization join made lateral; null for any other statement. */
  static Rewrite rewrite(String sql) {
    // every statement the engine prepares passes here: the plain search rules most out before any pattern runs
    if (!sql.contains("ACT_RU_AUTHORIZATION") || !TASK_QUERY.matcher(sql).find()) {
      return null;
    }
    Matcher join = AUTHORIZATION_JOIN.matcher(sql);
    if (!join.find()) {
      return null;
    }
    StringBuilder result = new StringBuilder();
    List<Repeat> repeats = new ArrayList<>();
    do {
      String table = join.group("table");
      String where = join.group("where");
      List<String> resources = List.of(join.group("resources").split(","));
      String select = "SELECT A.* FROM " + table + " A WHERE" + where;
      if (resources.size() > 1 && resources.get(0).trim().equalsIgnoreCase("RES.ID_")
          && !join.group("resources").contains("?")) {
        // The task's own authorization first, one or two index entries: the process definition's key and
        // '*' have an authorization per group each, which a lookup of all three read for every task.
        join.appendReplacement(result, Matcher.quoteReplacement("inner join lateral ((" + select
            + " AND A.RESOURCE_ID_ = RES.ID_ LIMIT 1) UNION ALL (" + select + " AND A.RESOURCE_ID_ IN ("
            + String.join(",", resources.subList(1, resources.size())) + ") LIMIT 1) LIMIT 1) AUTH ON (1 = 1)"));
        repeats.add(new Repeat(parametersIn(sql.substring(0, join.start("where"))), parametersIn(where)));
      } else {
        join.appendReplacement(result, Matcher.quoteReplacement("inner join lateral (" + select
            + " AND A.RESOURCE_ID_ IN (" + join.group("resources") + ") LIMIT 1) AUTH ON (1 = 1)"));
      }
    } while (join.find());
    join.appendTail(result);
    return new Rewrite(result.toString(), List.copyOf(repeats));
  }

  private static int parametersIn(String sql) {
    return (int) sql.chars().filter(c -> c == '?').count();
  }

  private TaskAuthorizationJoin() {
  }
}
