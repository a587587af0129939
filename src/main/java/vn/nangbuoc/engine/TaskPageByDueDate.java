package vn.nangbuoc.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page of tasks by due date, as every task list asks for it, is {@code select distinct <task columns>
 * ... order by RES.DUE_DATE_ LIMIT ?}: distinct because a task with two of the user's candidate groups
 * is joined twice. PostgreSQL 15 answers a DISTINCT over every column by sorting all the group's tasks
 * before the first page (90 ms at 25,000 tasks, growing with them; docs/performance.md). All the columns
 * are the task's own, so one row per task is the same as one row per {@code (DUE_DATE_, ID_)}: as
 * {@code select distinct on (RES.DUE_DATE_, RES.ID_)}, ordered by the same pair, PostgreSQL walks the
 * index {@link TaskIndexes} in order and stops when the page is full. Same rows; tasks due at the
 * same moment now come in a fixed order (by id) where the engine left it open.
 */
final class TaskPageByDueDate {

  private static final Pattern PAGE = Pattern.compile(
      "^(?<head>\\s*select\\s+)distinct\\s+(?<columns>RES\\.\\w+(?:\\s*,\\s*RES\\.\\w+)*)(?<from>\\s+from\\s+\\S*ACT_RU_TASK\\s+RES\\b.*)"
          + "\\border\\s+by\\s+RES\\.DUE_DATE_\\s+(?<direction>asc|desc)(?<limit>\\s+LIMIT\\s+\\S+\\s+OFFSET\\s+\\S+\\s*)$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private static final Pattern ANOTHER_ORDER = Pattern.compile("\\border\\s+by\\b", Pattern.CASE_INSENSITIVE);

  private TaskPageByDueDate() {
  }

  /** The page made {@code distinct on (due date, id)}; null for any other statement. */
  static String rewrite(String sql) {
    if (!sql.contains("DUE_DATE_")) {
      return null;
    }
    Matcher page = PAGE.matcher(sql);
    if (!page.matches() || ANOTHER_ORDER.matcher(page.group("from")).find()) {
      return null;
    }
    String direction = page.group("direction");
    return page.group("head") + "distinct on (RES.DUE_DATE_, RES.ID_) " + page.group("columns") + page.group("from")
        + "order by RES.DUE_DATE_ " + direction + ", RES.ID_ " + direction + page.group("limit");
  }
}
