package vn.nangbuoc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocPostgresTest;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/** The engine's own task queries are rewritten on PostgreSQL, and still return what they asked for. */
@NangBuocPostgresTest
class TaskQueryRewritePostgresIT {

  static final List<String> HEADS_GROUPS = List.of("ldtbxhTpLangSon", "ldtbxhTpLangSonHead");

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldRewriteTaskQueriesOnPostgres() {
    TaskQueryRewrite rewrite = rewrite();
    long joins = rewrite.authorizationJoins.get();
    long pages = rewrite.pagesByDueDate.get();

    engine.getIdentityService().setAuthentication("cvldtbxh", List.of("ldtbxhTpLangSon"));
    try {
      engine.getTaskService().createTaskQuery().taskCandidateGroup("ldtbxhTpLangSon").orderByDueDate().asc()
          .listPage(0, 15);
      engine.getTaskService().createTaskQuery().taskCandidateGroup("ldtbxhTpLangSon").count();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    assertThat(rewrite.authorizationJoins.get() - joins).isEqualTo(2);
    assertThat(rewrite.pagesByDueDate.get() - pages).isEqualTo(1);
  }

  @Test
  void shouldIndexTasksByDueDateForThePagesToWalkAndByParentForTheSubtasksOfACompletion() {
    assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'nb_idx_task_due_priority'")
        .query(String.class).single()).contains("act_ru_task").contains("(due_date_, priority_ DESC, id_)");
    assertThat(jdbc.sql("select count(*) from pg_indexes where indexname = 'nb_idx_task_due_date'").query(Long.class)
        .single()).as("the index it replaces").isZero();
    assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'nb_idx_task_parent'").query(String.class)
        .single()).contains("act_ru_task").contains("(parent_task_id_)");
  }

  @Test
  void shouldGiveEachTaskOnceInDueDateOrderWhenTheUserIsInTwoOfItsGroups() {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    TaskService tasks = engine.getTaskService();
    List<Task> listed = List.of(driver.task(driver.listEligibleChild()), driver.task(driver.listEligibleChild()),
        driver.task(driver.listEligibleChild()));
    // overdue for decades, so they open the list; the first two due at the same moment
    dueOn(listed.get(0), "2001-01-01T00:00:00Z");
    dueOn(listed.get(1), "2001-01-01T00:00:00Z");
    dueOn(listed.get(2), "2000-06-01T00:00:00Z");
    tasks.addCandidateGroup(listed.get(0).getId(), "ldtbxhTpLangSonHead");
    long pages = rewrite().pagesByDueDate.get();

    List<String> page = driver.as("tpldtbxh", () -> tasks.createTaskQuery().taskCandidateGroupIn(HEADS_GROUPS)
        .orderByDueDate().asc().listPage(0, 15)).stream().map(Task::getId).toList();

    assertThat(rewrite().pagesByDueDate.get() - pages).isEqualTo(1);
    assertThat(page).doesNotHaveDuplicates().startsWith(listed.get(2).getId()).isEqualTo(jdbc.sql("""
        select t.id_ from act_ru_task t
        where t.assignee_ is null and exists (select 1 from act_ru_identitylink i
          where i.task_id_ = t.id_ and i.type_ = 'candidate' and i.group_id_ in (:groups))
        order by t.due_date_, t.priority_ desc, t.id_ fetch first 15 rows only""").param("groups", HEADS_GROUPS)
        .query(String.class).list());
    assertThat(page.subList(1, 3)).containsExactlyInAnyOrder(listed.get(0).getId(), listed.get(1).getId());
  }

  /**
   * Tasklist asks a saved filter with its own order, due date first unless the caseworker chose another
   * (our script in Tasklist sets it). That page walks the index too, and among tasks due at the same
   * moment the escalated one (higher priority) comes first, as in a plain page by due date.
   */
  @Test
  void shouldRewriteTasklistsPageOfASavedFilterAndPutTheHigherPriorityFirstAmongEquallyDueTasks() {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    TaskService tasks = engine.getTaskService();
    Task first = driver.task(driver.listEligibleChild());
    Task escalated = driver.task(driver.listEligibleChild());
    // after the other test's tasks (2000, 2001), so neither test's order depends on which runs first
    dueOn(first, "2001-06-01T00:00:00Z");
    dueOn(escalated, "2001-06-01T00:00:00Z");
    tasks.setPriority(first.getId(), 50);
    tasks.setPriority(escalated.getId(), 75);
    FilterService filters = engine.getFilterService();
    String myGroups = filters.createTaskFilterQuery().filterName("Việc của nhóm tôi").singleResult().getId();
    long pages = rewrite().pagesByDueDate.get();

    List<String> page = driver.as("cvldtbxh", () -> filters.<Task, TaskQuery>listPage(myGroups,
        tasks.createTaskQuery().orderByDueDate().asc(), 0, 15)).stream().map(Task::getId).toList();

    // a plain page by due date alone: the same tie closed the index's way, by priority
    List<String> groups = groupsOf("cvldtbxh");
    List<String> byDueDate = driver.as("cvldtbxh", () -> tasks.createTaskQuery()
        .taskCandidateGroupIn(groups).taskUnassigned().orderByDueDate().asc().listPage(0, 15))
        .stream().map(Task::getId).toList();

    assertThat(rewrite().pagesByDueDate.get() - pages).isEqualTo(2);
    assertThat(page).doesNotHaveDuplicates().containsSubsequence(escalated.getId(), first.getId());
    assertThat(byDueDate).isEqualTo(page);
    assertThat(page).isEqualTo(jdbc.sql("""
        select t.id_ from act_ru_task t
        where t.assignee_ is null and exists (select 1 from act_ru_identitylink i
          where i.task_id_ = t.id_ and i.type_ = 'candidate' and i.group_id_ in (:groups))
        order by t.due_date_, t.priority_ desc, t.id_ fetch first 15 rows only""").param("groups", groups)
        .query(String.class).list());
  }

  /**
   * "Quá hạn" holds the user's own tasks and their groups' unclaimed ones. Split in two, it still gives
   * exactly those, in due-date order, page by page, and counts them: not the task a colleague claimed,
   * nor one due later. A user none of whose tasks is overdue gets an empty list and a count of zero.
   */
  @Test
  void shouldSplitTheOverdueListIntoMineAndMyGroupsAndStillGiveTheSameTasks() {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    TaskService tasks = engine.getTaskService();
    List<Task> listed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      listed.add(driver.task(driver.listEligibleChild()));
    }
    // after the other tests' (2000, 2001): overdue for decades, in this order; the last one not due yet
    for (int i = 0; i < 4; i++) {
      dueOn(listed.get(i), "2002-0" + (i + 1) + "-01T00:00:00Z");
    }
    dueOn(listed.get(4), "2100-01-01T00:00:00Z");
    tasks.claim(listed.get(1).getId(), "cvldtbxh");
    tasks.claim(listed.get(2).getId(), "tpldtbxh");
    // a candidate of both the head's groups: once in the head's list
    tasks.addCandidateGroup(listed.get(3).getId(), "ldtbxhTpLangSonHead");
    String overdue = engine.getFilterService().createTaskFilterQuery().filterName("Quá hạn").singleResult().getId();
    long splits = rewrite().mineOrMyGroupsSplits.get();
    long planned = rewrite().plannedForTheirParameters.get();

    List<String> page = overduePage("cvldtbxh", overdue, 0, 15);
    List<String> secondAndThird = overduePage("cvldtbxh", overdue, 1, 2);
    List<String> fromTheSecond = overduePage("cvldtbxh", overdue, 1, 2_000);
    // the sides ask for the rows up to the end of the page: more than an integer holds
    List<String> farBeyond = overduePage("cvldtbxh", overdue, Integer.MAX_VALUE - 5, 2_000);
    List<String> heads = overduePage("tpldtbxh", overdue, 0, 15);
    long count = driver.as("cvldtbxh", () -> engine.getFilterService().count(overdue));
    List<String> nothing = overduePage("cbmaipha", overdue, 0, 15);
    long none = driver.as("cbmaipha", () -> engine.getFilterService().count(overdue));

    assertThat(rewrite().mineOrMyGroupsSplits.get() - splits).as("six pages, two counts").isEqualTo(8);
    assertThat(rewrite().plannedForTheirParameters.get() - planned).as("each in the engine's transaction").isEqualTo(8);
    List<String> expected = overdueOf("cvldtbxh");
    assertThat(page).doesNotHaveDuplicates().isEqualTo(expected.subList(0, Math.min(15, expected.size())))
        .contains(listed.get(0).getId(), listed.get(1).getId(), listed.get(3).getId())
        .doesNotContain(listed.get(2).getId(), listed.get(4).getId());
    assertThat(secondAndThird).isEqualTo(expected.subList(1, 3));
    assertThat(fromTheSecond).isEqualTo(expected.subList(1, expected.size()));
    assertThat(farBeyond).isEmpty();
    List<String> headsExpected = overdueOf("tpldtbxh");
    assertThat(heads).doesNotHaveDuplicates().isEqualTo(headsExpected.subList(0, Math.min(15, headsExpected.size())))
        .contains(listed.get(2).getId(), listed.get(3).getId());
    assertThat(count).isEqualTo(expected.size());
    assertThat(nothing).isEqualTo(overdueOf("cbmaipha")).isEmpty();
    assertThat(none).isZero();
  }

  private List<String> overduePage(String user, String filter, int first, int max) {
    return new PathwayDriver(engine, listing).as(user, () -> engine.getFilterService().<Task, TaskQuery>listPage(filter,
        engine.getTaskService().createTaskQuery().orderByDueDate().asc(), first, max))
        .stream().map(Task::getId).toList();
  }

  /** The overdue list as the filter defines it, asked without the engine: the user's or their groups' unclaimed. */
  private List<String> overdueOf(String user) {
    return jdbc.sql("""
        select t.id_ from act_ru_task t
        where t.due_date_ < now() and (t.assignee_ = :user or t.assignee_ is null and exists (
          select 1 from act_ru_identitylink i where i.task_id_ = t.id_ and i.type_ = 'candidate' and i.group_id_ in (
            select m.group_id_ from act_id_membership m where m.user_id_ = :user)))
        order by t.due_date_, t.priority_ desc, t.id_""").param("user", user).query(String.class).list();
  }

  private List<String> groupsOf(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
  }

  private void dueOn(Task task, String instant) {
    task.setDueDate(Date.from(Instant.parse(instant)));
    engine.getTaskService().saveTask(task);
  }

  private TaskQueryRewrite rewrite() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
        .getProcessEngineConfiguration();
    return configuration.getSqlSessionFactory().getConfiguration().getInterceptors().stream()
        .filter(TaskQueryRewrite.class::isInstance).map(TaskQueryRewrite.class::cast).findFirst().orElseThrow();
  }
}
