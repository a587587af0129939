package vn.nangbuoc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rewrite itself; that PostgreSQL returns the same tasks with it is SecurityMatrixPostgresIT's matter. */
class TaskAuthorizationJoinTest {

  static final String TASK_QUERY = """
      select distinct RES.ID_, RES.DUE_DATE_ from ACT_RU_TASK RES
        left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
        inner join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
        inner join
        (
        SELECT A.*
        FROM ACT_RU_AUTHORIZATION A
        WHERE A.TYPE_ < 2
        AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ? ) )
        AND ( ( A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? OR A.RESOURCE_TYPE_ = ? AND A.PERMS_ & ? = ? ) )
        )
            AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
        WHERE ( 1 = 1 and RES.ASSIGNEE_ IS NULL and I.GROUP_ID_ IN ( ? ) )
          and ( (AUTH.RESOURCE_ID_ IS NOT NULL) )
        order by RES.DUE_DATE_ asc
        LIMIT ? OFFSET ?""";

  @Test
  void shouldLookUpEachTasksAuthorizationsInsteadOfJoiningThemAll() {
    String rewritten = TaskAuthorizationJoin.rewrite(TASK_QUERY);

    assertThat(rewritten)
        .contains("inner join lateral (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2")
        .contains("AND A.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ) LIMIT 1) AUTH ON (1 = 1)")
        .contains("and ( (AUTH.RESOURCE_ID_ IS NOT NULL) )")
        .doesNotContain("AUTH ON (AUTH.RESOURCE_ID_ IN");
    // every parameter stays, in its order
    assertThat(rewritten.chars().filter(c -> c == '?').count())
        .isEqualTo(TASK_QUERY.chars().filter(c -> c == '?').count());
  }

  @Test
  void shouldLeaveOtherQueriesAlone() {
    assertThat(TaskAuthorizationJoin.rewrite(TASK_QUERY.replace("ACT_RU_TASK RES", "ACT_RU_EXECUTION RES"))).isNull();
    assertThat(TaskAuthorizationJoin.rewrite("select count(*) from ACT_RU_TASK RES where RES.ASSIGNEE_ = ?")).isNull();
  }
}
