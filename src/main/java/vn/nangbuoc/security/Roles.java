package vn.nangbuoc.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.organisation.AdministrativeUnit;
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

  /** Refuses anyone but a caseworker; the refusal names who may, from the organisation data. */
  public void requireCaseworker(String userId, String action) {
    if (!isCaseworker(userId)) {
      throw new ForbiddenException(onlyStaffOf(Capability.LIST_CHILDREN, action));
    }
  }

  /**
   * Refuses anyone who does not keep the books of the unit's fund: a finance officer of another unit's fund
   * (two funds live side by side while a reorganisation hands one over) writes nothing in this one.
   */
  public void requireFinanceOf(String unitCode, String userId, String action) {
    if (!isFinanceOf(unitCode, userId)) {
      String unit = organisation.unit(unitCode).map(AdministrativeUnit::displayName).orElse(unitCode);
      throw new ForbiddenException("Chỉ cán bộ của " + organisation.kindsWith(Capability.KEEP_FUND_BOOKS)
          + " thuộc " + unit + " được " + action + ".");
    }
  }

  public boolean isFinanceOf(String unitCode, String userId) {
    return memberOfAny(userId, organisation.groupsWith(Capability.KEEP_FUND_BOOKS, unitCode));
  }

  /**
   * "Chỉ cán bộ của Ủy ban nhân dân xã/phường, Phòng Văn hóa – Xã hội được sửa hồ sơ.": the kinds that may,
   * as today's organisation names them, so that a refusal stays true after a reform moves the work.
   */
  public String onlyStaffOf(Capability capability, String action) {
    return "Chỉ cán bộ của " + organisation.kindsWith(capability) + " được " + action + ".";
  }

  /** The same, for what administrators may do as well (read logs kept for oversight). */
  public String onlyStaffOfOrAdministrators(Capability capability, String action) {
    return "Chỉ cán bộ của " + organisation.kindsWith(capability) + " và quản trị viên được " + action + ".";
  }

  /** "Cán bộ của Thanh tra chỉ xem hồ sơ, không thêm tài liệu.": auditors read and change nothing. */
  public String auditorsOnlyRead(String action) {
    return "Cán bộ của " + organisation.kindsWith(Capability.AUDIT) + " chỉ xem hồ sơ, không " + action + ".";
  }

  public boolean isAuditor(String userId) {
    return memberOfAny(userId, organisation.groupsWith(Capability.AUDIT));
  }

  /** Staff who keep the fund's books (the finance office and the fund's own staff, in the 2024 city). */
  public boolean isFinance(String userId) {
    return memberOfAny(userId, organisation.groupsWith(Capability.KEEP_FUND_BOOKS));
  }

  /** Managers who decide on funding (agency heads, their deputies, vice-chairmen). */
  public boolean isApprover(String userId) {
    return memberOfAny(userId, organisation.agencyGroups().stream()
        .filter(group -> Set.of("HEAD", "DEPUTY_HEAD", "VICE_CHAIRMAN").contains(group.role())).toList());
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

  /** The ids of the user's groups (agencies and roles), at most {@link EngineLimits#SMALL_LIST} of them. */
  public Set<String> groupsOf(String userId) {
    List<Group> groups = identityService.createGroupQuery().groupMember(userId).listPage(0, EngineLimits.SMALL_LIST);
    return groups.stream().map(Group::getId).collect(Collectors.toSet());
  }
}
