package vn.nangbuoc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rewrite itself; that PostgreSQL returns the same tasks with it is TaskQueryRewritePostgresIT's matter. */
class TaskPageByDueDateTest {

  static final String PAGE = TaskAuthorizationJoinTest.TASK_QUERY;
  static final String BY_DUE_DATE = "order by RES.DUE_DATE_ asc";

  @Test
  void shouldAskForOneRowPerTaskInTheIndexOrderClosingTiesByPriorityThenId() {
    String rewritten = TaskPageByDueDate.rewrite(PAGE);

    assertThat(rewritten)
        .startsWith("select distinct on (RES.DUE_DATE_, RES.PRIORITY_, RES.ID_) RES.ID_, RES.DUE_DATE_"
            + " from ACT_RU_TASK RES")
        .contains("order by RES.DUE_DATE_ asc, RES.PRIORITY_ desc, RES.ID_ asc")
        .endsWith("LIMIT ? OFFSET ?");
    assertThat(rewritten.replace("distinct on (RES.DUE_DATE_, RES.PRIORITY_, RES.ID_) ", "distinct ")
        .replace(", RES.PRIORITY_ desc, RES.ID_ asc", "")).isEqualTo(PAGE);
    // backwards along the same index
    assertThat(TaskPageByDueDate.rewrite(PAGE.replace(BY_DUE_DATE, "order by RES.DUE_DATE_ desc")))
        .contains("order by RES.DUE_DATE_ desc, RES.PRIORITY_ asc, RES.ID_ desc");
  }

  @Test
  void shouldTakeTasklistsFilterPageWhoseOrderTheEngineMergedWithTheFilters() {
    // the saved filter orders by due date, then priority; Tasklist's own order (due date) is appended
    String filterPage = PAGE.replace(BY_DUE_DATE, "order by RES.DUE_DATE_ asc, RES.PRIORITY_ desc, RES.DUE_DATE_ asc");

    assertThat(TaskPageByDueDate.rewrite(filterPage)).isEqualTo(TaskPageByDueDate.rewrite(PAGE));
  }

  @Test
  void shouldKeepAnyOtherOrderAfterTheDueDateAndEndItWithTheId() {
    assertThat(TaskPageByDueDate.rewrite(PAGE.replace(BY_DUE_DATE, "order by RES.DUE_DATE_ asc, RES.NAME_ desc")))
        .contains("distinct on (RES.DUE_DATE_, RES.NAME_, RES.ID_)")
        .containsPattern("order by RES\\.DUE_DATE_ asc, RES\\.NAME_ desc, RES\\.ID_ asc\\s+LIMIT");
    // priority the same way as the due date is not the index's order: kept as asked
    assertThat(TaskPageByDueDate.rewrite(PAGE.replace(BY_DUE_DATE, "order by RES.DUE_DATE_ asc, RES.PRIORITY_ asc")))
        .containsPattern("order by RES\\.DUE_DATE_ asc, RES\\.PRIORITY_ asc, RES\\.ID_ asc\\s+LIMIT");
    assertThat(TaskPageByDueDate.rewrite(PAGE.replace(BY_DUE_DATE, "order by RES.DUE_DATE_ desc, RES.ID_ asc")))
        .contains("distinct on (RES.DUE_DATE_, RES.ID_)")
        .containsPattern("order by RES\\.DUE_DATE_ desc, RES\\.ID_ asc\\s+LIMIT");
  }

  @Test
  void shouldReadTheKeywordsInEitherCaseAndKeepAnIdTheOrderAlreadyNames() {
    assertThat(TaskPageByDueDate.rewrite(PAGE.replace(BY_DUE_DATE, "ORDER BY RES.DUE_DATE_ DESC, RES.PRIORITY_ ASC")))
        .contains("distinct on (RES.DUE_DATE_, RES.PRIORITY_, RES.ID_)")
        .containsPattern("order by RES\\.DUE_DATE_ desc, RES\\.PRIORITY_ asc, RES\\.ID_ desc\\s+LIMIT");
    assertThat(TaskPageByDueDate.rewrite(
        PAGE.replace(BY_DUE_DATE, "order by RES.DUE_DATE_ asc, RES.ID_ desc, RES.NAME_ asc")))
        .contains("distinct on (RES.DUE_DATE_, RES.ID_, RES.NAME_)")
        .containsPattern("order by RES\\.DUE_DATE_ asc, RES\\.ID_ desc, RES\\.NAME_ asc\\s+LIMIT");
  }

  @Test
  void shouldApplyAfterTheAuthorizationJoinIsMadeLateral() {
    String both = TaskPageByDueDate.rewrite(TaskAuthorizationJoin.rewrite(PAGE).sql());

    assertThat(both).contains("inner join lateral").contains("distinct on (RES.DUE_DATE_, RES.PRIORITY_, RES.ID_)")
        .contains("order by RES.DUE_DATE_ asc, RES.PRIORITY_ desc, RES.ID_ asc");
  }

  @Test
  void shouldLeaveOtherQueriesAlone() {
    // another order first, a column not the task's own, no page, a count: one row per task is not all they ask
    assertThat(TaskPageByDueDate.rewrite(PAGE.replace(BY_DUE_DATE, "order by RES.PRIORITY_ desc"))).isNull();
    assertThat(TaskPageByDueDate.rewrite(PAGE.replace("RES.ID_, RES.DUE_DATE_ from", "RES.ID_, I.GROUP_ID_ from")))
        .isNull();
    assertThat(TaskPageByDueDate.rewrite(PAGE.replace("LIMIT ? OFFSET ?", ""))).isNull();
    assertThat(TaskPageByDueDate.rewrite(PAGE.replace(BY_DUE_DATE, "order by RES.NAME_ asc, RES.DUE_DATE_ asc")))
        .isNull();
    assertThat(TaskPageByDueDate.rewrite(PAGE.replace(BY_DUE_DATE, "order by RES.DUE_DATE_ asc, I.GROUP_ID_ asc")))
        .isNull();
    // the engine's case-insensitive order by name
    assertThat(TaskPageByDueDate.rewrite(PAGE.replace(BY_DUE_DATE, "order by RES.DUE_DATE_ asc, LOWER(RES.NAME_) asc")))
        .isNull();
    assertThat(TaskPageByDueDate.rewrite("SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES"
        + " order by RES.DUE_DATE_ asc LIMIT ? OFFSET ?) c")).isNull();
  }
}
