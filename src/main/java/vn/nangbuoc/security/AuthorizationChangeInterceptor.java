package vn.nangbuoc.security;

import java.lang.reflect.Field;
import java.util.function.Supplier;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Hands every authorization a command saves or deletes (AuthorizationService, so REST and the Admin
 * webapp too) to {@link IdentityChanges}, inside the command's transaction. The commands keep their
 * authorization in a protected field and offer no getter: read here, and checked by a test.
 */
class AuthorizationChangeInterceptor extends CommandInterceptor {

  private static final Field SAVED = field(SaveAuthorizationCmd.class, "authorization");
  private static final Field DELETED = field(DeleteAuthorizationCmd.class, "authorizationId");

  private final Supplier<IdentityChanges> changes;

  AuthorizationChangeInterceptor(Supplier<IdentityChanges> changes) {
    this.changes = changes;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (IdentityChanges.person() == null) {
      // the application's own grants (at start, a case's rights): not a person's change
      return next.execute(command);
    }
    if (command instanceof SaveAuthorizationCmd) {
      Authorization saved = (Authorization) read(SAVED, command);
      IdentityChangeLog.Action action = saved.getId() == null ? IdentityChangeLog.Action.AUTHORIZATION_CREATED
          : IdentityChangeLog.Action.AUTHORIZATION_CHANGED;
      T result = next.execute(command);
      changes.get().authorizationChanged(action, saved);
      return result;
    }
    if (command instanceof DeleteAuthorizationCmd) {
      String id = (String) read(DELETED, command);
      AuthorizationEntity before = id == null ? null
          : Context.getCommandContext().getDbEntityManager().selectById(AuthorizationEntity.class, id);
      T result = next.execute(command);
      if (before != null) {
        changes.get().authorizationChanged(IdentityChangeLog.Action.AUTHORIZATION_DELETED, before);
      }
      return result;
    }
    return next.execute(command);
  }

  private static Object read(Field field, Object command) {
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda changed " + type.getName() + ": " + name + " is gone", e);
    }
  }
}
