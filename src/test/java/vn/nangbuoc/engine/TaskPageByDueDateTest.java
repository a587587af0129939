package vn.nangbuoc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rewrite itself; that PostgreSQL returns the same tasks with it is TaskQueryRewritePostgresIT's matter. */
class TaskPageByDueDateTest {

  static final String PAGE = TaskAuthorizationJoinTest.TASK_QUERY;

  @Test
  void shouldAskForOneRowPerTaskInDueDateAndIdOrder() {
    String rewritten = TaskPageByDueDate.rewrite(PAGE);

    assertThat(rewritten)
        .startsWith("select distinct on (RES.DUE_DATE_, RES.ID_) RES.ID_, RES.DUE_DATE_ from ACT_RU_TASK RES")
        .contains("order by RES.DUE_DATE_ asc, RES.ID_ asc")
        .endsWith("LIMIT ? OFFSET ?");
    assertThat(rewritten.replace("distinct on (RES.DUE_DATE_, RES.ID_) ", "distinct ").replace(", RES.ID_ asc", ""))
        .isEqualTo(PAGE);
    assertThat(TaskPageByDueDate.rewrite(PAGE.replace("DUE_DATE_ asc", "DUE_DATE_ desc")))
        .contains("order by RES.DUE_DATE_ desc, RES.ID_ desc");
  }

  @Test
  void shouldApplyAfterTheAuthorizationJoinIsMadeLateral() {
    String both = TaskPageByDueDate.rewrite(TaskAuthorizationJoin.rewrite(PAGE).sql());

    assertThat(both).contains("inner join lateral").contains("distinct on (RES.DUE_DATE_, RES.ID_)")
        .contains("order by RES.DUE_DATE_ asc, RES.ID_ asc");
  }

  @Test
  void shouldLeaveOtherQueriesAlone() {
    // another order, a column not the task's own, no page, a count: one row per task is not all they ask
    assertThat(TaskPageByDueDate.rewrite(PAGE.replace("order by RES.DUE_DATE_ asc", "order by RES.PRIORITY_ desc")))
        .isNull();
    assertThat(TaskPageByDueDate.rewrite(PAGE.replace("RES.ID_, RES.DUE_DATE_ from", "RES.ID_, I.GROUP_ID_ from")))
        .isNull();
    assertThat(TaskPageByDueDate.rewrite(PAGE.replace("LIMIT ? OFFSET ?", ""))).isNull();
    assertThat(TaskPageByDueDate.rewrite(PAGE.replace("order by RES.DUE_DATE_ asc", "order by RES.NAME_ asc, RES.DUE_DATE_ asc")))
        .isNull();
    assertThat(TaskPageByDueDate.rewrite("SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES"
        + " order by RES.DUE_DATE_ asc LIMIT ? OFFSET ?) c")).isNull();
  }
}
