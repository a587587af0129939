package vn.nangbuoc.security;

import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * The engine's own identity store, with {@link IdentityChanges} around every change of a group's
 * members: each path (REST, the Admin webapp, the Java API) ends in these methods. Everything else,
 * logins included, is the engine's.
 */
class GuardedIdentityProvider extends DbIdentityServiceProvider {

  private final IdentityChanges changes;

  GuardedIdentityProvider(IdentityChanges changes) {
    this.changes = changes;
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    IdentityOperationResult result = super.createMembership(userId, groupId);
    changes.checkMembership(userId, groupId);
    changes.membershipAdded(userId, groupId);
    return result;
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    IdentityOperationResult result = super.deleteMembership(userId, groupId);
    changes.membershipRemoved(userId, groupId);
    return result;
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    IdentityOperationResult result = super.deleteGroup(groupId);
    changes.groupDeleted(groupId);
    return result;
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    IdentityOperationResult result = super.deleteUser(userId);
    changes.userDeleted(userId);
    return result;
  }

  /** Opens one guarded provider per command, as the engine's default factory opens its own. */
  static class Factory implements SessionFactory {

    private final java.util.function.Supplier<IdentityChanges> changes;

    Factory(java.util.function.Supplier<IdentityChanges> changes) {
      this.changes = changes;
    }

    @Override
    public Class<?> getSessionType() {
      return GuardedIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      return new GuardedIdentityProvider(changes.get());
    }
  }
}
