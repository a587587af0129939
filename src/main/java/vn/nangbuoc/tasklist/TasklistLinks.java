package vn.nangbuoc.tasklist;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.stereotype.Component;

/** Addresses in Tasklist that open one of the product's task lists ({@link TasklistFilters}). */
@Component
public class TasklistLinks {

  static final String TASKLIST = "/camunda/app/tasklist/default/";

  private final FilterService filters;

  TasklistLinks(FilterService filters) {
    this.filters = filters;
  }

  /** Tasklist itself, on the list it opens first ("Việc cần làm"). */
  public String home() {
    return TASKLIST;
  }

  public String toDo() {
    return of(TasklistFilters.TO_DO);
  }

  public String overdue() {
    return of(TasklistFilters.OVERDUE);
  }

  public String mine() {
    return of(TasklistFilters.MINE);
  }

  public String myGroups() {
    return of(TasklistFilters.MY_GROUPS);
  }

  /** The list's address; Tasklist itself if the list is gone (an administrator deleted it until the next start). */
  private String of(String name) {
    List<Filter> found = filters.createTaskFilterQuery().filterName(name).listPage(0, 1);
    return Optional.of(found).filter(list -> !list.isEmpty()).map(list -> TASKLIST + "#/?filter=" + list.get(0).getId())
        .orElse(TASKLIST);
  }
}
