package vn.nangbuoc.pathway;

import java.lang.reflect.Field;

/** The engine's commands keep what they were given in protected fields, mostly with no getters. */
final class Fields {

  private Fields() {
  }

  static Object of(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException e) {
        // declared higher up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
      }
    }
    throw new IllegalStateException("No field " + name + " in " + command.getClass().getName());
  }
}
