package vn.nangbuoc.pathway;

import java.lang.reflect.Field;

/**
 * What the engine's task commands were given, read from their protected fields (OwnClaims, RoutedWorkOnly): the
 * engine has no other way to ask a command before it runs. A field Camunda renamed stops the start-up.
 */
final class CommandFields {

  private CommandFields() {
  }

  static Field field(Class<?> owner, String name) {
    try {
      Field field = owner.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's " + owner.getSimpleName() + " has no field " + name
          + " any more: the task rules need a new way to read the command", e);
    }
  }

  static Object read(Field field, Object command) {
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
