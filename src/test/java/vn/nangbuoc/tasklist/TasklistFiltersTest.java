package vn.nangbuoc.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/** The five task lists of Tasklist, evaluated for the user who opens them. */
@NangBuocSpringTest
class TasklistFiltersTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  FilterService filters;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldShowGroupWorkThenMineThenOverdueFirst() {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ProcessInstance pathway = driver.listEligibleChild();
    Task review = driver.task(pathway);

    assertThat(ids(driver, "cvldtbxh", TasklistFilters.MY_GROUPS)).contains(review.getId());
    assertThat(ids(driver, "cbhoangdong", TasklistFilters.MY_GROUPS)).doesNotContain(review.getId());
    assertThat(ids(driver, "cvldtbxh", TasklistFilters.MINE)).doesNotContain(review.getId());
    assertThat(ids(driver, "cvldtbxh", TasklistFilters.OVERDUE)).doesNotContain(review.getId());

    engine.getTaskService().claim(review.getId(), "cvldtbxh");
    assertThat(ids(driver, "cvldtbxh", TasklistFilters.MINE)).contains(review.getId());
    assertThat(ids(driver, "cvldtbxh", TasklistFilters.MY_GROUPS)).doesNotContain(review.getId());

    ClockUtil.setCurrentTime(new Date(review.getDueDate().getTime() - 24 * 3600 * 1000L));
    assertThat(ids(driver, "cvldtbxh", TasklistFilters.DUE_SOON)).contains(review.getId());
    ClockUtil.setCurrentTime(new Date(review.getDueDate().getTime() + 60_000));
    assertThat(ids(driver, "cvldtbxh", TasklistFilters.OVERDUE)).contains(review.getId());
    assertThat(ids(driver, "cvldtbxh", TasklistFilters.DUE_SOON)).doesNotContain(review.getId());
  }

  @Test
  void shouldOpenOnTheListOfTheUsersWorkWhichKeepsWhatTheyClaim() {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    Task review = driver.task(driver.listEligibleChild());
    List<Filter> lists = filters.createTaskFilterQuery().list();
    Filter first = lists.stream().min(java.util.Comparator.comparing(f -> (Integer) f.getProperties().get("priority")))
        .orElseThrow();
    assertThat(first.getName()).isEqualTo(TasklistFilters.TO_DO);

    assertThat(ids(driver, "cvldtbxh", TasklistFilters.TO_DO)).contains(review.getId());
    assertThat(ids(driver, "tpldtbxh", TasklistFilters.TO_DO)).contains(review.getId());
    assertThat(ids(driver, "cbmaipha", TasklistFilters.TO_DO)).doesNotContain(review.getId());
    engine.getTaskService().claim(review.getId(), "cvldtbxh");
    assertThat(ids(driver, "cvldtbxh", TasklistFilters.TO_DO)).contains(review.getId());
    // a colleague's claimed task is the colleague's
    assertThat(ids(driver, "tpldtbxh", TasklistFilters.TO_DO)).doesNotContain(review.getId());
  }

  @Test
  void shouldOrderTheListsOverdueFirstAndTasksByDueDate() {
    List<Filter> lists = filters.createTaskFilterQuery().list();
    assertThat(lists).extracting(Filter::getName)
        .contains(TasklistFilters.OVERDUE, TasklistFilters.DUE_SOON, TasklistFilters.MINE, TasklistFilters.MY_GROUPS);
    Filter overdue = lists.stream().filter(f -> f.getName().equals(TasklistFilters.OVERDUE)).findFirst().orElseThrow();
    Filter mine = lists.stream().filter(f -> f.getName().equals(TasklistFilters.MINE)).findFirst().orElseThrow();
    Integer minePriority = (Integer) mine.getProperties().get("priority");
    assertThat((Integer) overdue.getProperties().get("priority")).isLessThan(minePriority);
  }

  /**
   * The engine puts a filter's saved order before the order Tasklist sends, so a saved order would
   * leave a caseworker's choice of order (by priority, by creation) only the ties to decide.
   */
  @Test
  void shouldLeaveTheOrderToTasklistSoTheCaseworkersChoiceTakesEffect() {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    Task dueFirst = driver.task(driver.listEligibleChild());
    Task urgent = driver.task(driver.listEligibleChild());
    dueFirst.setDueDate(new Date(urgent.getDueDate().getTime() - 24 * 3600 * 1000L));
    engine.getTaskService().saveTask(dueFirst);
    engine.getTaskService().setPriority(dueFirst.getId(), 10);
    engine.getTaskService().setPriority(urgent.getId(), 90);
    String myGroups = filters.createTaskFilterQuery().filterName(TasklistFilters.MY_GROUPS).singleResult().getId();

    List<String> byPriority = driver.as("cvldtbxh", () -> filters.<Task, TaskQuery>listPage(myGroups,
        engine.getTaskService().createTaskQuery().orderByTaskPriority().desc(), 0, 500)).stream().map(Task::getId)
        .toList();
    List<String> byDueDate = driver.as("cvldtbxh", () -> filters.<Task, TaskQuery>listPage(myGroups,
        engine.getTaskService().createTaskQuery().orderByDueDate().asc(), 0, 500)).stream().map(Task::getId)
        .toList();

    assertThat(byPriority).containsSubsequence(urgent.getId(), dueFirst.getId());
    assertThat(byDueDate).containsSubsequence(dueFirst.getId(), urgent.getId());
  }

  private List<String> ids(PathwayDriver driver, String user, String filterName) {
    Filter filter = filters.createTaskFilterQuery().filterName(filterName).singleResult();
    return driver.as(user, () -> filters.<Task>listPage(filter.getId(), 0, 500)).stream().map(Task::getId).toList();
  }
}
