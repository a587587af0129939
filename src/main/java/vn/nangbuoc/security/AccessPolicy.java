package vn.nangbuoc.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.nangbuoc.organisation.AgencyGroup;
import vn.nangbuoc.organisation.Capability;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.system.EngineLimits;

/**
 * What each kind of group may do beyond single cases, granted at every start for the groups of the
 * organisation data. Case by case rights (a commune sees its own children) are granted by
 * {@link CaseAuthorizations}; tasks by the engine itself to the groups a task is routed to.
 */
@Component
@Order(25)
public class AccessPolicy implements ApplicationRunner {

  static final String PATHWAY = "child-pathway";
  /** A unit's periodic report (unitreport.UnitReport.PROCESS_KEY): its tasks are the agencies' work too. */
  static final String UNIT_REPORT = "unit-report";

  private final AuthorizationService authorizations;
  private final IdentityService identityService;
  private final OrganisationDirectory organisation;
  private final Roles roles;
  private final JdbcClient jdbc;

  AccessPolicy(AuthorizationService authorizations, IdentityService identityService,
      OrganisationDirectory organisation, Roles roles, JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.authorizations = authorizations;
    this.identityService = identityService;
    this.organisation = organisation;
    this.roles = roles;
  }

  @Override
  public void run(ApplicationArguments args) {
    grantAll();
  }

  /** The grants of every group of today's agencies; run again after the organisation changed. */
  public void grantAll() {
    grantAdministratorsEverything();
    // Colleagues see each other's names and groups (Tasklist, Admin); nobody lists every user of the
    // province. Earlier versions granted both to everyone: that grant is taken back.
    revokeGlobal(Resources.USER);
    revokeGlobal(Resources.GROUP);
    grantColleagues();
    for (AgencyGroup group : organisation.agencyGroups()) {
      grant(group.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group.groupId(), Resources.PROCESS_DEFINITION, PATHWAY, ProcessDefinitionPermissions.READ);
      grant(group.groupId(), Resources.PROCESS_DEFINITION, UNIT_REPORT, ProcessDefinitionPermissions.READ);
    }
    for (AgencyGroup caseworkers : roles.caseworkerGroups()) {
      grant(caseworkers.groupId(), Resources.PROCESS_DEFINITION, PATHWAY, ProcessDefinitionPermissions.CREATE_INSTANCE);
      grant(caseworkers.groupId(), Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE);
    }
    // read-only oversight: Cockpit to look at the cases of their area, nothing they can change
    for (AgencyGroup auditors : organisation.groupsWith(Capability.AUDIT)) {
      grant(auditors.groupId(), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }
  }

  /**
   * {@link #revokeEverything(String)} for the groups of a reorganisation's ended agencies, in one statement: the
   * engine's query pages through a table of millions of case rights at a city's size, seconds a page, and asks once
   * more for each group to find it empty (docs/performance.md, issue 19 at full size). A grant deleted writes
   * nothing else (no history; the system's work no operation log), so the rows gone are those the API takes.
   */
  public void revokeEverything(Collection<String> groupIds) {
    if (!groupIds.isEmpty()) {
      jdbc.sql("delete from ACT_RU_AUTHORIZATION where group_id_ in (:groups)").param("groups", Set.copyOf(groupIds))
          .update();
    }
  }

  /** Takes back every right of a group whose agency ended: its members keep no work and no case. */
  public void revokeEverything(String groupId) {
    List<Authorization> page;
    do {
      page = authorizations.createAuthorizationQuery().groupIdIn(groupId).listPage(0, EngineLimits.SMALL_LIST);
      page.forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    } while (!page.isEmpty());
  }

  private void grantAdministratorsEverything() {
    for (Resource resource : Resources.values()) {
      grant(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
    }
  }

  private void revokeGlobal(Resource resource) {
    authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL).resourceType(resource)
        .list().forEach(global -> authorizations.deleteAuthorization(global.getId()));
  }

  /**
   * Each agency's groups read the agency's groups and members; grants of users who left every group
   * of the agency are taken back (a membership made while running is granted by {@link AgencyColleagues}).
   */
  private void grantColleagues() {
    for (AgencyGroup group : organisation.agencyGroups()) {
      List<String> colleagueGroups = organisation.groupsOfTheSameAgency(group.groupId());
      Set<String> members = new HashSet<>();
      for (String colleagueGroup : colleagueGroups) {
        grant(group.groupId(), Resources.GROUP, colleagueGroup, Permissions.READ);
        identityService.createUserQuery().memberOfGroup(colleagueGroup).listPage(0, EngineLimits.SMALL_LIST)
            .forEach(user -> members.add(user.getId()));
      }
      members.forEach(user -> grant(group.groupId(), Resources.USER, user, Permissions.READ));
      authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
          .groupIdIn(group.groupId()).resourceType(Resources.USER).list().stream()
          .filter(grant -> !members.contains(grant.getResourceId()))
          .forEach(stale -> authorizations.deleteAuthorization(stale.getId()));
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list().stream().findFirst().orElse(null);
    if (existing != null && existing.isPermissionGranted(permission)) {
      return;
    }
    Authorization grant = existing != null ? existing
        : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(groupId);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    authorizations.saveAuthorization(grant);
  }
}
