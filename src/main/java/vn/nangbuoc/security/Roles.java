package vn.nangbuoc.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import vn.nangbuoc.organisation.AgencyGroup;
import vn.nangbuoc.organisation.Capability;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.system.EngineLimits;

/**
 * What a user is, beyond the tasks routed to them, from what the organisation data lets their agency's
 * kind do ({@link Capability}). Caseworkers (staff of the agencies that list: communes, the labour office
 * or, after 2025, the commune's culture–social office) list children and record what happens to them outside tasks (a
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
    return memberOfAny(userId, caseworkerGroups());
  }

  /** The groups whose members list children: the STAFF groups of agencies with {@link Capability#LIST_CHILDREN}. */
  List<AgencyGroup> caseworkerGroups() {
    return organisation.groupsWith(Capability.LIST_CHILDREN).stream().filter(group -> "STAFF".equals(group.role()))
        .toList();
  }

  public boolean isAuditor(String userId) {
    return memberOfAny(userId, organisation.groupsWith(Capability.AUDIT));
  }

  /** Staff who keep the fund's books (the finance office and the fund's own staff, in the 2024 city). */
  public boolean isFinance(String userId) {
    return memberOfAny(userId, organisation.groupsWith(Capability.KEEP_FUND_BOOKS));
  }

  /** Managers who decide on funding (agency heads, vice-chairmen). */
  public boolean isApprover(String userId) {
    return memberOfAny(userId, organisation.agencyGroups().stream()
        .filter(group -> Set.of("HEAD", "VICE_CHAIRMAN").contains(group.role())).toList());
  }

  /** Who may see a fund's books: its keepers, its approvers, auditors and administrators. */
  public boolean mayReadFunds(String userId) {
    return isFinance(userId) || isApprover(userId) || isAuditor(userId) || isAdministrator(userId);
  }

  public boolean isAdministrator(String userId) {
    return groupsOf(userId).contains(Groups.CAMUNDA_ADMIN);
  }

  private boolean memberOfAny(String userId, List<AgencyGroup> groups) {
    Set<String> ids = groups.stream().map(AgencyGroup::groupId).collect(Collectors.toSet());
    return groupsOf(userId).stream().anyMatch(ids::contains);
  }

  private Set<String> groupsOf(String userId) {
    List<Group> groups = identityService.createGroupQuery().groupMember(userId).listPage(0, EngineLimits.SMALL_LIST);
    return groups.stream().map(Group::getId).collect(Collectors.toSet());
  }
}
