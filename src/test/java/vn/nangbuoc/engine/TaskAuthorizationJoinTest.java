package vn.nangbuoc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
  void shouldLookUpEachTasksOwnAuthorizationsBeforeTheProcessDefinitions() {
    TaskAuthorizationJoin.Rewrite rewrite = TaskAuthorizationJoin.rewrite(TASK_QUERY);
    String rewritten = rewrite.sql();

    assertThat(rewritten)
        .contains("inner join lateral ((SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2")
        .contains("AND A.RESOURCE_ID_ = RES.ID_ LIMIT 1) UNION ALL (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE")
        .contains("AND A.RESOURCE_ID_ IN ( D.KEY_ , '*' ) LIMIT 1) LIMIT 1) AUTH ON (1 = 1)")
        .contains("and ( (AUTH.RESOURCE_ID_ IS NOT NULL) )")
        .doesNotContain("AUTH ON (AUTH.RESOURCE_ID_ IN");
    // the authorization's eight parameters are asked twice; the group filter and the page after them once
    assertThat(rewrite.repeats()).containsExactly(new TaskAuthorizationJoin.Repeat(0, 8));
    assertThat(count(rewritten, '?')).isEqualTo(count(TASK_QUERY, '?') + 8);
  }

  @Test
  void shouldKeepOneLookupWhenTheTasksOwnIdIsNotAmongTheResources() {
    TaskAuthorizationJoin.Rewrite rewrite = TaskAuthorizationJoin.rewrite(TASK_QUERY.replace(
        "IN ( RES.ID_ , D.KEY_ , '*' )", "IN ( D.KEY_ , '*' )"));

    assertThat(rewrite.sql()).contains("inner join lateral (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2")
        .contains("AND A.RESOURCE_ID_ IN ( D.KEY_ , '*' ) LIMIT 1) AUTH ON (1 = 1)").doesNotContain("UNION ALL");
    assertThat(rewrite.repeats()).isEmpty();
  }

  @Test
  void shouldAskTheRepeatedParametersAgainInPlace() {
    List<String> parameters = List.of("group", "user", "star", "g1", "type7", "read", "read", "type6");

    List<String> asked = TaskQueryRewrite.repeated(parameters, List.of(new TaskAuthorizationJoin.Repeat(1, 3),
        new TaskAuthorizationJoin.Repeat(6, 1)));

    assertThat(asked).containsExactly("group", "user", "star", "g1", "user", "star", "g1", "type7", "read", "read",
        "read", "type6");
  }

  private static long count(String text, char c) {
    return text.chars().filter(x -> x == c).count();
  }

  @Test
  void shouldLeaveOtherQueriesAlone() {
    assertThat(TaskAuthorizationJoin.rewrite(TASK_QUERY.replace("ACT_RU_TASK RES", "ACT_RU_EXECUTION RES"))).isNull();
    assertThat(TaskAuthorizationJoin.rewrite("select count(*) from ACT_RU_TASK RES where RES.ASSIGNEE_ = ?")).isNull();
  }
}
