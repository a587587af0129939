package vn.nangbuoc.pathway;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;
import vn.nangbuoc.organisation.OrganisationDirectory;

/**
 * Who may work on a pathway task, and so read its child: a member of a group the task was routed
 * to. A candidate group counts only if it is a group of an agency serving the child's commune, the
 * only groups routing ever names: an identity link someone added by hand (the administrators'
 * {@code camunda-admin}, another area's office) gives nobody the child's data or the task's work.
 */
@Component
class TaskWorkers {

  private final IdentityService identityService;
  private final OrganisationDirectory organisation;

  TaskWorkers(IdentityService identityService, OrganisationDirectory organisation) {
    this.identityService = identityService;
    this.organisation = organisation;
  }

  boolean mayWork(String userId, Collection<? extends IdentityLink> links, String communeCode) {
    if (userId == null) {
      return false;
    }
    List<String> serving = organisation.groupsServing(communeCode);
    List<String> routed = links.stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).filter(serving::contains).distinct().toList();
    return !routed.isEmpty()
        && identityService.createGroupQuery().groupMember(userId).groupIdIn(routed.toArray(String[]::new)).count() > 0;
  }
}
