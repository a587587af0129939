package vn.nangbuoc.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The task lists every caseworker sees first in Tasklist, overdue work on top, each sorted by due
 * date (earliest first) unless the caseworker chooses another order in Tasklist. Global filters, kept
 * in step with this definition at every start: a filter an administrator renamed is created again,
 * one with the same name is brought back to this query.
 */
@Component
@Order(30)
class TasklistFilters implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

  static final String TO_DO = "Việc cần làm";
  static final String OVERDUE = "Quá hạn";
  static final String DUE_SOON = "Sắp đến hạn";
  static final String MINE = "Việc của tôi";
  static final String MY_GROUPS = "Việc của nhóm tôi";

  private static final String ME = "${currentUser()}";
  private static final String MY_GROUP_IDS = "${currentUserGroups()}";
  private static final String NOW = "${now()}";
  private static final String IN_TWO_DAYS = "${dateTime().plusDays(2).toDate()}";

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;

  TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    // first in the list, so the one Tasklist opens: a newcomer with nothing overdue sees their work, and a
    // task they claim stays in it
    save(TO_DO, -30, "#555555", "Công việc của tôi và công việc chưa ai nhận của nhóm tôi, việc gần hạn trước",
        mineOrMyGroups());
    save(OVERDUE, -20, "#c9302c", "Công việc của tôi hoặc của nhóm tôi đã quá hạn xử lý",
        mineOrMyGroups().dueBeforeExpression(NOW));
    save(DUE_SOON, -10, "#ec971f", "Công việc đến hạn trong 2 ngày tới",
        mineOrMyGroups().dueAfterExpression(NOW).dueBeforeExpression(IN_TWO_DAYS));
    save(MINE, 0, "#337ab7", "Công việc đã giao cho tôi", tasks.createTaskQuery().taskAssigneeExpression(ME));
    save(MY_GROUPS, 10, "#5cb85c", "Công việc giao cho cơ quan, nhóm của tôi, chưa ai nhận",
        tasks.createTaskQuery().taskCandidateGroupInExpression(MY_GROUP_IDS).taskUnassigned());
    grantEveryoneRead();
  }

  private TaskQuery mineOrMyGroups() {
    return tasks.createTaskQuery().or()
        .taskAssigneeExpression(ME)
        .taskCandidateGroupInExpression(MY_GROUP_IDS)
        .endOr();
  }

  private void save(String name, int priority, String color, String description, TaskQuery query) {
    List<Filter> existing = filters.createTaskFilterQuery().filterName(name).list();
    Filter filter = existing.isEmpty() ? filters.newTaskFilter(name) : existing.get(0);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("description", description);
    properties.put("refresh", true);
    filter.setProperties(properties);
    // no order of its own: the engine would put it before Tasklist's, and the caseworker's choice of
    // order would then only decide ties. Tasklist asks by due date unless the caseworker chose otherwise
    // (nangbuoc/due-date-first.js); among tasks due together, the escalated come first (TaskPageByDueDate).
    filter.setQuery(query);
    filters.saveFilter(filter);
    log.debug("Tasklist filter {} ready", name);
  }

  /** Filters are read by every user; which tasks they show is decided by task authorizations. */
  private void grantEveryoneRead() {
    boolean granted = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
        .userIdIn(Authorization.ANY).resourceId(Authorization.ANY).count() > 0;
    if (!granted) {
      Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
      read.setUserId(Authorization.ANY);
      read.setResource(Resources.FILTER);
      read.setResourceId(Authorization.ANY);
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
    }
  }
}
