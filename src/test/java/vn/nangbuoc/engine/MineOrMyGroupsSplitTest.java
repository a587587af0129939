package vn.nangbuoc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The split itself; that PostgreSQL returns the same tasks with it is TaskQueryRewritePostgresIT's matter. */
class MineOrMyGroupsSplitTest {

  /**
   * As the engine writes "Quá hạn" (due before now, mine or my groups'), after the other two rewrites. A line
   * ending in "\" goes on at the start of the next: the text is the engine's, space for space.
   */
  static final String FROM_WHERE = """
       from ACT_RU_TASK RES left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
        inner join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
        inner join lateral ((SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.USER_ID_ in ( ?, '*') LIMIT 1)) \
       AUTH ON (1 = 1)
        WHERE ( 1 = 1 and ( RES.DUE_DATE_ < ? and RES.DUE_DATE_ is not null ) )
          and ( 1 = 1 and RES.ASSIGNEE_ = ? or ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' \
       and ( I.GROUP_ID_ IN ( ?, ? ) ) ) )
          and ( (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null )""";
  static final String PAGE =
      "select distinct on (RES.DUE_DATE_, RES.PRIORITY_, RES.ID_) RES.ID_, RES.PRIORITY_, RES.DUE_DATE_\n"
      + FROM_WHERE + "\n order by RES.DUE_DATE_ asc, RES.PRIORITY_ desc, RES.ID_ asc LIMIT ? OFFSET ?";
  static final String COUNT = "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_\n" + FROM_WHERE + "\n ) countDistinct";
  static final String MINE = "1 = 1 and RES.ASSIGNEE_ = ? or ( 1 = 0 and RES.ASSIGNEE_ is null";
  static final String MY_GROUPS = "1 = 1 and 1 = 0 and RES.ASSIGNEE_ = ? or ( RES.ASSIGNEE_ is null";

  @Test
  void shouldMergeTheFirstRowsOfMyPageAndMyGroupsPage() {
    MineOrMyGroupsSplit.Split split = MineOrMyGroupsSplit.rewrite(PAGE);

    String sql = split.sql();
    assertThat(split.kind()).isEqualTo(MineOrMyGroupsSplit.Kind.PAGE);
    assertThat(sql).startsWith("select * from ((select distinct on (RES.DUE_DATE_, RES.PRIORITY_, RES.ID_)")
        .endsWith(") RES order by RES.DUE_DATE_ asc, RES.PRIORITY_ desc, RES.ID_ asc LIMIT ? OFFSET ?");
    int union = sql.indexOf(") union all (");
    assertThat(sql.substring(0, union)).contains(MINE).doesNotContain(MY_GROUPS)
        .endsWith("order by RES.DUE_DATE_ asc, RES.PRIORITY_ desc, RES.ID_ asc LIMIT cast(? as bigint) + ?");
    assertThat(sql.substring(union)).contains(MY_GROUPS).doesNotContain(MINE)
        .endsWith("order by RES.DUE_DATE_ asc, RES.PRIORITY_ desc, RES.ID_ asc LIMIT cast(? as bigint) + ?)) RES"
            + " order by RES.DUE_DATE_ asc, RES.PRIORITY_ desc, RES.ID_ asc LIMIT ? OFFSET ?");
    // each side asks the engine's parameters (its page up to the end of the one asked), the merged page its own
    assertThat(count(sql, '?')).isEqualTo(2 * count(PAGE, '?') + 2);
    assertThat(MineOrMyGroupsSplit.parameters(List.of("user", "due", "me", "g1", "g2", "max", "first"), split.kind()))
        .containsExactly("user", "due", "me", "g1", "g2", "max", "first",
            "user", "due", "me", "g1", "g2", "max", "first", "max", "first");
  }

  @Test
  void shouldCloseAnotherOrderByTheIdSoThatTheSidesAndTheMergedPageBreakTiesAlike() {
    // by creation time, as a caseworker may choose in Tasklist: no due-date walk, plain distinct
    String byCreation = PAGE.replace("distinct on (RES.DUE_DATE_, RES.PRIORITY_, RES.ID_) ", "")
        .replace("select RES.ID_", "select distinct RES.ID_, RES.CREATE_TIME_")
        .replace("order by RES.DUE_DATE_ asc, RES.PRIORITY_ desc, RES.ID_ asc", "order by RES.CREATE_TIME_ desc");

    String sql = MineOrMyGroupsSplit.rewrite(byCreation).sql();

    assertThat(sql).endsWith(") RES order by RES.CREATE_TIME_ desc, RES.ID_ asc LIMIT ? OFFSET ?");
    assertThat(sql.split("order by RES\\.CREATE_TIME_ desc, RES\\.ID_ asc LIMIT cast\\(\\? as bigint\\) \\+ \\?", -1))
        .as("both sides").hasSize(3);
  }

  @Test
  void shouldAddTheCountsOfMineAndMyGroups() {
    MineOrMyGroupsSplit.Split split = MineOrMyGroupsSplit.rewrite(COUNT);

    assertThat(split.kind()).isEqualTo(MineOrMyGroupsSplit.Kind.COUNT);
    assertThat(split.sql()).isEqualTo(
        "SELECT (" + COUNT.replace("( RES.ASSIGNEE_ is null", "( 1 = 0 and RES.ASSIGNEE_ is null")
            + ") + (" + COUNT.replace("1 = 1 and RES.ASSIGNEE_ = ?", "1 = 1 and 1 = 0 and RES.ASSIGNEE_ = ?") + ")");
    assertThat(MineOrMyGroupsSplit.parameters(List.of("user", "due", "me", "g1"), split.kind()))
        .containsExactly("user", "due", "me", "g1", "user", "due", "me", "g1");
  }

  @Test
  void shouldLeaveAnyOtherAlternativeAlone() {
    // claimed tasks of my groups too: the two sides would overlap, and the page would hold a task twice
    assertThat(MineOrMyGroupsSplit.rewrite(PAGE.replace("( RES.ASSIGNEE_ is null and I.TYPE_", "( I.TYPE_"))).isNull();
    // a third alternative in the OR: neither side would hold its tasks
    assertThat(MineOrMyGroupsSplit.rewrite(PAGE.replace("I.GROUP_ID_ IN ( ?, ? ) ) ) )",
        "I.GROUP_ID_ IN ( ?, ? ) ) ) or RES.OWNER_ = ? )"))).isNull();
    // mine and my groups' as two conditions that must both hold: nothing to split
    assertThat(MineOrMyGroupsSplit.rewrite(PAGE.replace("RES.ASSIGNEE_ = ? or (", "RES.ASSIGNEE_ = ? and ("))).isNull();
    // two such ORs
    assertThat(MineOrMyGroupsSplit.rewrite(PAGE.replace("and (RES.TENANT_ID_ is null )",
        "and ( 1 = 1 and RES.ASSIGNEE_ = ? or ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate'"
            + " and ( I.GROUP_ID_ IN ( ? ) ) ) )")))
        .isNull();
  }

  @Test
  void shouldLeaveAPageWhoseOrderTheMergeCouldNotFollow() {
    // ordered by a column the sides do not give back
    assertThat(MineOrMyGroupsSplit.rewrite(
        PAGE.replace("RES.PRIORITY_ desc, RES.ID_ asc LIMIT", "RES.NAME_ desc LIMIT")))
        .isNull();
    // no distinct: no column list the merged page could be checked against
    assertThat(MineOrMyGroupsSplit.rewrite(PAGE.replace("distinct on (RES.DUE_DATE_, RES.PRIORITY_, RES.ID_) ", "")))
        .isNull();
    // neither a page nor the engine's count
    assertThat(MineOrMyGroupsSplit.rewrite(PAGE.replace(" LIMIT ? OFFSET ?", ""))).isNull();
    assertThat(MineOrMyGroupsSplit.rewrite(COUNT.replace("countDistinct", "counted"))).isNull();
  }

  private static long count(String text, char c) {
    return text.chars().filter(x -> x == c).count();
  }
}
