package vn.nangbuoc.security;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import vn.nangbuoc.organisation.AgencyGroup;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.system.EngineLimits;

/**
 * What a user is, beyond the tasks routed to them. Caseworkers (staff of the agencies that list:
 * communes, the labour office) list children and record what happens to them outside tasks (a
 * withdrawal, a move); auditors read; approvers and administrators decide or configure, and change
 * no case file.
 */
@Component
public class Roles {

  private final IdentityService identityService;
  private final OrganisationDirectory organisation;

  Roles(IdentityService identityService, OrganisationDirectory organisation) {
    this.identityService = identityService;
    this.organisation = organisation;
  }

  public boolean isCaseworker(String userId) {
    return memberOfAny(userId, group -> AccessPolicy.LISTING_AGENCIES.contains(group.agencyKind())
        && "STAFF".equals(group.role()));
  }

  public boolean isAuditor(String userId) {
    return memberOfAny(userId, group -> AccessPolicy.OVERSIGHT_AGENCIES.contains(group.agencyKind()));
  }

  /** Staff who keep the fund's books: the finance office and the fund's own staff. */
  public boolean isFinance(String userId) {
    return memberOfAny(userId,
        group -> Set.of("FINANCE_PLANNING", "CHILD_PROTECTION_FUND").contains(group.agencyKind()));
  }

  /** Managers who decide on funding (agency heads, vice-chairmen). */
  public boolean isApprover(String userId) {
    return memberOfAny(userId, group -> Set.of("HEAD", "VICE_CHAIRMAN").contains(group.role()));
  }

  /** Who may see a fund's books: its keepers, its approvers, auditors and administrators. */
  public boolean mayReadFunds(String userId) {
    return isFinance(userId) || isApprover(userId) || isAuditor(userId) || isAdministrator(userId);
  }

  public boolean isAdministrator(String userId) {
    return groupsOf(userId).contains(Groups.CAMUNDA_ADMIN);
  }

  private boolean memberOfAny(String userId, Predicate<AgencyGroup> kind) {
    Set<String> groups = organisation.agencyGroups().stream().filter(kind).map(AgencyGroup::groupId)
        .collect(Collectors.toSet());
    return groupsOf(userId).stream().anyMatch(groups::contains);
  }

  private Set<String> groupsOf(String userId) {
    List<Group> groups = identityService.createGroupQuery().groupMember(userId).listPage(0, EngineLimits.SMALL_LIST);
    return groups.stream().map(Group::getId).collect(Collectors.toSet());
  }
}
