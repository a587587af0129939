package vn.nangbuoc.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lists "Quá hạn" and "Sắp đến hạn" hold the user's own tasks and their groups' unclaimed ones:
 * {@code RES.ASSIGNEE_ = ? or (RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and I.GROUP_ID_ IN (...))}.
 * The two sides of that OR are on two tables (the task, its identity links), so PostgreSQL can use no
 * index for it: it reads every task due in the list's time, joins each to its links and keeps the
 * user's. For a commune caseworker with nothing overdue, that is every overdue task of the province, in
 * the list most users open first (figures: docs/performance.md, "Why the code is as it is").
 *
 * <p>Split in two, each side is a question PostgreSQL answers from an index: the user's tasks by the
 * assignee index, the groups' either along the due-date index or from the group's links, whichever the
 * group's size makes cheaper. The two sides are disjoint (claimed by the user, claimed by nobody), so
 * the page is the first rows of the two pages merged, and the count their sum. Each side is the engine's
 * own statement with the other side of the OR made false ({@code 1 = 0 and}), which PostgreSQL drops
 * before planning: every parameter stays in its place, and the statement's parameters are simply asked
 * once per side. A statement whose OR is anything else (more alternatives, claimed tasks included) runs
 * unchanged.
 *
 * <p>Which way in is cheaper depends on the user's groups, so a split statement must be planned for its
 * parameters ({@link TaskQueryRewrite} asks for that): a connection's prepared statement otherwise
 * settles on one plan for all users, and for the count that plan was the large groups' (it sorted every
 * overdue task, whatever the group).
 */
final class MineOrMyGroupsSplit {

  private static final String ASSIGNEE = "RES\\.ASSIGNEE_\\s*=\\s*\\?";
  private static final String CANDIDATE = "RES\\.ASSIGNEE_\\s+is\\s+null\\s+and\\s+"
      + "I\\.TYPE_\\s*=\\s*'candidate'\\s+and\\s*"
      + "\\(\\s*I\\.GROUP_ID_\\s+IN\\s*\\(\\s*\\?(?:\\s*,\\s*\\?)*\\s*\\)\\s*\\)";
  /** The engine's or-query: {@code ( 1 = 1 and <mine> or ( <my groups'> ) )}, nothing else in it. */
  private static final Pattern EITHER = Pattern.compile("\\(\\s*1\\s*=\\s*1\\s+and\\s+(?<mine>" + ASSIGNEE
      + ")\\s+or\\s*\\(\\s*(?<groups>" + CANDIDATE + ")\\s*\\)\\s*\\)", Pattern.CASE_INSENSITIVE);
  private static final Pattern COUNT = Pattern.compile(
      "^\\s*SELECT\\s+COUNT\\(\\*\\)\\s+FROM\\s+\\(\\s*SELECT\\s+DISTINCT\\s+RES\\.ID_\\b.*\\)\\s*countDistinct\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern PAGE = Pattern.compile(
      "^(?<query>\\s*select\\s.*)\\s"
          + "(?<order>order\\s+by\\s+RES\\.\\w+\\s+(?:asc|desc)(?:\\s*,\\s*RES\\.\\w+\\s+(?:asc|desc))*)"
          + "\\s+LIMIT\\s+\\?\\s+OFFSET\\s+\\?\\s*$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern SELECT_LIST = Pattern.compile(
      "^\\s*select\\s+distinct\\s+(?:on\\s*\\([^)]*\\)\\s*)?(?<columns>RES\\.\\w+(?:\\s*,\\s*RES\\.\\w+)*)\\s+from\\s",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ORDER_COLUMN = Pattern.compile("RES\\.\\w+", Pattern.CASE_INSENSITIVE);
  private static final String NEVER = "1 = 0 and ";

  /** What was split: its parameters are asked differently. */
  enum Kind {
    PAGE, COUNT
  }

  record Split(String sql, Kind kind) {
  }

  private MineOrMyGroupsSplit() {
  }

  /** The page or count split into the user's tasks and the groups'; null for any other statement. */
  static Split rewrite(String sql) {
    if (!sql.contains("'candidate'")) {
      return null;
    }
    Matcher either = EITHER.matcher(sql);
    if (!either.find()) {
      return null;
    }
    int mineAt = either.start("mine");
    int groupsAt = either.start("groups");
    if (either.find()) {
      return null; // two such ORs: splitting one would not be enough, splitting both is not worth it
    }
    String mine = sql.substring(0, groupsAt) + NEVER + sql.substring(groupsAt);
    String groups = sql.substring(0, mineAt) + NEVER + sql.substring(mineAt);
    if (COUNT.matcher(sql).matches()) {
      return new Split("SELECT (" + mine + ") + (" + groups + ")", Kind.COUNT);
    }
    Matcher page = PAGE.matcher(sql);
    if (!page.matches() || !selectsEveryColumnOf(page.group("query"), page.group("order"))) {
      return null;
    }
    String order = closedById(page.group("order"));
    return new Split("select * from ((" + sidePage(mine, order) + ") union all (" + sidePage(groups, order) + ")) RES "
        + order + " LIMIT ? OFFSET ?", Kind.PAGE);
  }

  /**
   * A side's first rows up to the end of the page asked: {@code LIMIT max OFFSET first} becomes
   * {@code LIMIT max + first}, added as bigint: both are integers, and a page asked far enough (or
   * without a size, {@code Integer.MAX_VALUE}, as the engine's own unbounded lists do) would overflow
   * their integer sum.
   */
  private static String sidePage(String side, String order) {
    Matcher page = PAGE.matcher(side);
    page.matches();
    return page.group("query") + " " + order + " LIMIT cast(? as bigint) + ?";
  }

  /**
   * The order closed by the task's id where it is not yet: the sides' first rows and the merged page
   * must break ties alike, on every page, or a task could be shown on two pages and another on none.
   */
  private static String closedById(String order) {
    return ORDER_COLUMN.matcher(order).results().anyMatch(column -> column.group().equalsIgnoreCase("RES.ID_"))
        ? order : order + ", RES.ID_ asc";
  }

  /** The merged page is ordered by the sides' columns: each column of the order must be one of them. */
  private static boolean selectsEveryColumnOf(String query, String order) {
    Matcher select = SELECT_LIST.matcher(query);
    if (!select.find()) {
      return false;
    }
    Set<String> columns = new HashSet<>();
    for (String column : select.group("columns").split(",")) {
      columns.add(column.trim().toUpperCase());
    }
    Matcher ordered = ORDER_COLUMN.matcher(order);
    while (ordered.find()) {
      if (!columns.contains(ordered.group().toUpperCase())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The parameters of the split statement, from the engine's (after any other rewrite): each side asks
   * all of them (a page's side its page up to the end of the one asked), then the merged page its limit
   * and offset.
   */
  static <P> List<P> parameters(List<P> engine, Kind kind) {
    List<P> result = new ArrayList<>(engine.size() * 2 + 2);
    result.addAll(engine);
    result.addAll(engine);
    if (kind == Kind.PAGE) {
      result.addAll(engine.subList(engine.size() - 2, engine.size()));
    }
    return result;
  }
}
