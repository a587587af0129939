package vn.nangbuoc.pathway;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.security.RoutedGroups;

/**
 * Who may work on a pathway task, and so read its child: a member of the group routing chose for the task
 * ({@link RoutedGroups}) while that group serves the child's commune. The task's candidate links do not count: an
 * identity link someone added by hand (the administrators' {@code camunda-admin}, another agency of the same
 * commune, another area's office, a person) gives nobody the child's data or the task's work.
 */
@Component
class TaskWorkers {

  private final RoutedGroups routedGroups;
  private final OrganisationDirectory organisation;

  TaskWorkers(RoutedGroups routedGroups, OrganisationDirectory organisation) {
    this.routedGroups = routedGroups;
    this.organisation = organisation;
  }

  boolean mayWork(String userId, String taskId, String communeCode) {
    if (userId == null || taskId == null) {
      return false;
    }
    List<String> serving = organisation.groupsServing(communeCode);
    List<String> routed = routedGroups.of(taskId).stream().filter(serving::contains).toList();
    return routedGroups.isMemberOfAny(userId, routed);
  }

  /** The groups routing chose for the task (what reports count the task's agency by). */
  List<String> routedGroupsOf(String taskId) {
    return routedGroups.of(taskId);
  }
}
