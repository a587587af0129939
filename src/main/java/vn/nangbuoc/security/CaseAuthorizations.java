package vn.nangbuoc.security;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;
import vn.nangbuoc.engine.EngineSystem;
import vn.nangbuoc.organisation.OrganisationDirectory;

/**
 * A child's pathway is visible to the agencies whose area includes the child's commune, and to
 * nobody else: the commune's own staff, the city's offices, the province's. When the child moves,
 * the old commune loses sight of the case and the new one gains it.
 */
@Service
public class CaseAuthorizations {

  /** Each resource with its own READ: the engine refuses the generic one for historic instances. */
  private static final Map<Resource, Permission> CASE_READ = Map.of(
      Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ,
      Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ);

  private final AuthorizationService authorizations;
  private final OrganisationDirectory organisation;
  private final EngineSystem system;

  CaseAuthorizations(AuthorizationService authorizations, OrganisationDirectory organisation, EngineSystem system) {
    this.authorizations = authorizations;
    this.organisation = organisation;
    this.system = system;
  }

  public void open(String processInstanceId, String communeCode) {
    system.run(() -> organisation.groupsServing(communeCode).forEach(group -> grantRead(group, processInstanceId)));
  }

  public void move(String processInstanceId, String fromCommune, String toCommune) {
    system.run(() -> {
      Set<String> before = new HashSet<>(organisation.groupsServing(fromCommune));
      Set<String> after = new HashSet<>(organisation.groupsServing(toCommune));
      for (String group : before) {
        if (!after.contains(group)) {
          revoke(group, processInstanceId);
        }
      }
      for (String group : after) {
        if (!before.contains(group)) {
          grantRead(group, processInstanceId);
        }
      }
    });
  }

  private void grantRead(String groupId, String processInstanceId) {
    CASE_READ.forEach((resource, permission) -> {
      Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setGroupId(groupId);
      read.setResource(resource);
      read.setResourceId(processInstanceId);
      read.addPermission(permission);
      authorizations.saveAuthorization(read);
    });
  }

  private void revoke(String groupId, String processInstanceId) {
    for (Resource resource : CASE_READ.keySet()) {
      authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
          .resourceId(processInstanceId).list()
          .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    }
  }
}
