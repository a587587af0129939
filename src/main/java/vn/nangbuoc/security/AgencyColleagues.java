package vn.nangbuoc.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.ObjectProvider;
import vn.nangbuoc.organisation.OrganisationDirectory;

/**
 * The engine's default authorizations, plus: whoever joins a group of an agency becomes readable
 * (name, e-mail in Tasklist and Admin) by the agency's groups. {@link AccessPolicy} grants the same
 * for existing members at every start and takes back what no membership justifies any more.
 */
class AgencyColleagues extends DefaultAuthorizationProvider {

  // looked up when used: the directory needs the engine that this provider is part of
  private final ObjectProvider<OrganisationDirectory> organisation;

  AgencyColleagues(ObjectProvider<OrganisationDirectory> organisation) {
    this.organisation = organisation;
  }

  @Override
  public AuthorizationEntity[] groupMembershipCreated(String groupId, String userId) {
    if (Groups.CAMUNDA_ADMIN.equals(groupId)) {
      // administrators are no agency's colleagues; and the prod profile's first administrator joins
      // while the engine is still being built, when the directory (which needs the engine) cannot exist yet
      return new AuthorizationEntity[0];
    }
    List<AuthorizationEntity> grants = new ArrayList<>();
    AuthorizationManager existing = Context.getCommandContext().getAuthorizationManager();
    Set<String> seen = new HashSet<>();
    for (String colleagues : organisation.getObject().groupsOfTheSameAgency(groupId)) {
      if (!seen.add(colleagues)) {
        continue;
      }
      AuthorizationEntity grant = existing.findAuthorizationByGroupIdAndResourceId(Authorization.AUTH_TYPE_GRANT,
          colleagues, Resources.USER, userId);
      if (grant == null) {
        grant = createGrantAuthorization(null, colleagues, Resources.USER, userId, Permissions.READ);
      } else if (grant.isPermissionGranted(Permissions.READ)) {
        continue;
      } else {
        grant.addPermission(Permissions.READ);
      }
      grants.add(grant);
    }
    return grants.toArray(AuthorizationEntity[]::new);
  }
}
