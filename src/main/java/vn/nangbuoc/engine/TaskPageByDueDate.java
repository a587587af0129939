package vn.nangbuoc.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A page of tasks by due date, as every task list asks for it, is {@code select distinct <task columns>
 * ... order by RES.DUE_DATE_ asc ... LIMIT ?}: distinct because a task with two of the user's candidate
 * groups is joined twice. PostgreSQL 15 answers a DISTINCT over every column by sorting all the group's
 * tasks before the first page, slower with every task (docs/performance.md, "Why the code is as it
 * is"). All the columns are the task's own, so one row per task is the same as one row per
 * {@code (order columns, ID_)}: as {@code select distinct on (...)}, ordered by the same columns,
 * PostgreSQL walks the index {@link TaskIndexes#DUE_DATE} in order and stops when the page is full.
 *
 * <p>Tasklist asks a saved filter's page with its own order appended to the filter's (the engine merges
 * them so): here {@code order by RES.DUE_DATE_ asc, RES.PRIORITY_ desc, RES.DUE_DATE_ asc}. A column
 * named again adds nothing to an order and is dropped. Where the engine's order leaves ties open, the
 * rewrite closes them the index's way: a page by due date alone comes as by due date, then the higher
 * priority, then id; either way the rows are the ones the engine's order allows.
 */
final class TaskPageByDueDate {

  private static final String ITEM = "RES\\.\\w+\\s+(?:asc|desc)";
  private static final Pattern PAGE = Pattern.compile(
      "^(?<head>\\s*select\\s+)distinct\\s+(?<columns>RES\\.\\w+(?:\\s*,\\s*RES\\.\\w+)*)"
          + "(?<from>\\s+from\\s+\\S*ACT_RU_TASK\\s+RES\\b.*)"
          + "\\border\\s+by\\s+(?<order>RES\\.DUE_DATE_\\s+(?:asc|desc)(?:\\s*,\\s*" + ITEM + ")*)"
          + "(?<limit>\\s+LIMIT\\s+\\S+\\s+OFFSET\\s+\\S+\\s*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private static final Pattern ANOTHER_ORDER = Pattern.compile("\\border\\s+by\\b", Pattern.CASE_INSENSITIVE);

  static final String DUE_DATE = "RES.DUE_DATE_";
  static final String PRIORITY = "RES.PRIORITY_";
  static final String ID = "RES.ID_";

  private TaskPageByDueDate() {
  }

  /** The page made {@code distinct on (its order's columns, id)}; null for any other statement. */
  static String rewrite(String sql) {
    if (!sql.contains("DUE_DATE_")) {
      return null;
    }
    Matcher page = PAGE.matcher(sql);
    if (!page.matches() || ANOTHER_ORDER.matcher(page.group("from")).find()) {
      return null;
    }
    Map<String, String> order = walkable(distinctColumns(page.group("order")));
    return page.group("head") + "distinct on (" + String.join(", ", order.keySet()) + ") " + page.group("columns")
        + page.group("from") + "order by " + order.entrySet().stream()
        .map(item -> item.getKey() + " " + item.getValue()).collect(Collectors.joining(", ")) + page.group("limit");
  }

  /** Column to direction, in order, each column once: its first mention decides, the later ones add nothing. */
  private static Map<String, String> distinctColumns(String order) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (String item : order.split(",")) {
      String[] parts = item.trim().split("\\s+");
      columns.putIfAbsent(parts[0].toUpperCase(), parts[1].toLowerCase());
    }
    return columns;
  }

  /**
   * The order ended with the task's id, so that it names one row per task. By due date alone, or then by
   * priority the other way round, it is the index's order (forwards or backwards), ties closed by priority.
   */
  private static Map<String, String> walkable(Map<String, String> order) {
    String due = order.get(DUE_DATE);
    String opposite = due.equals("asc") ? "desc" : "asc";
    List<String> columns = new ArrayList<>(order.keySet());
    if (columns.equals(List.of(DUE_DATE)) || (columns.equals(List.of(DUE_DATE, PRIORITY))
        && order.get(PRIORITY).equals(opposite))) {
      order.put(PRIORITY, opposite);
    }
    order.putIfAbsent(ID, due);
    return order;
  }
}
