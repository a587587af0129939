package vn.nangbuoc.security;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's own identity store, with {@link IdentityChanges} around every change of a group's
 * members: each path (REST, the Admin webapp, the Java API) ends in these methods. Everything else,
 * logins included, is the engine's.
 */
class GuardedIdentityProvider extends DbIdentityServiceProvider {

  private final Supplier<IdentityChanges> changes;

  GuardedIdentityProvider(Supplier<IdentityChanges> changes) {
    this.changes = changes;
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    IdentityOperationResult result = super.createMembership(userId, groupId);
    ifByAPerson(guard -> {
      guard.checkMembership(userId, groupId);
      guard.membershipAdded(userId, groupId);
    });
    return result;
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    IdentityOperationResult result = super.deleteMembership(userId, groupId);
    ifByAPerson(guard -> guard.membershipRemoved(userId, groupId));
    return result;
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    IdentityOperationResult result = super.deleteGroup(groupId);
    ifByAPerson(guard -> guard.groupDeleted(groupId));
    return result;
  }

  /**
   * Setting another person's password is logging in as them: refused for a member of a group that works
   * on cases (they change their own); every creation and change of a user by a person is recorded.
   */
  @Override
  public IdentityOperationResult saveUser(User user) {
    UserEntity entity = (UserEntity) user;
    boolean created = entity.getRevision() == 0;
    boolean newPassword = entity.hasNewPassword();
    ifByAPerson(guard -> guard.checkUserSaved(user.getId(), created, newPassword));
    IdentityOperationResult result = super.saveUser(user);
    ifByAPerson(guard -> guard.userSaved(user.getId(), created, newPassword));
    return result;
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    IdentityOperationResult result = super.deleteUser(userId);
    ifByAPerson(guard -> guard.userDeleted(userId));
    return result;
  }

  /**
   * The application's own changes (demo users, the administrator created while the engine starts)
   * pass untouched, before the Spring bean behind the guard even exists.
   */
  private void ifByAPerson(Consumer<IdentityChanges> work) {
    if (IdentityChanges.person() != null) {
      work.accept(changes.get());
    }
  }

  /** Opens one guarded provider per command, as the engine's default factory opens its own. */
  static class Factory implements SessionFactory {

    private final Supplier<IdentityChanges> changes;

    Factory(Supplier<IdentityChanges> changes) {
      this.changes = changes;
    }

    @Override
    public Class<?> getSessionType() {
      return GuardedIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      return new GuardedIdentityProvider(changes);
    }
  }
}
