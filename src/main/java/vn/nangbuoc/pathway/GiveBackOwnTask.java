package vn.nangbuoc.pathway;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * "Trả việc": the person who claimed a task may give it back to the group it was routed to. The engine asks
 * TASK_ASSIGN for that (unclaiming is setting the assignee to nobody), a permission the routed groups do not have,
 * because with it they could also hand a child's task to anyone. So exactly this command passes without the check:
 * setting the assignee to nobody, by the person who is the task's assignee now. Any other assignment, by anyone
 * else or to anyone, is checked by the engine as before.
 */
final class GiveBackOwnTask extends CommandInterceptor {

  private static final Field TASK_ID = field(AbstractSetTaskPropertyCmd.class, "taskId");
  private static final Field NEW_ASSIGNEE = field(AbstractAddIdentityLinkCmd.class, "userId");

  @Override
  public <T> T execute(Command<T> command) {
    CommandContext context = Context.getCommandContext();
    if (command instanceof AssignTaskCmd giveBack && context != null && context.isAuthorizationCheckEnabled()
        && read(NEW_ASSIGNEE, giveBack) == null && byItsAssignee(context, (String) read(TASK_ID, giveBack))) {
      context.disableAuthorizationCheck();
      try {
        return next.execute(command);
      } finally {
        context.enableAuthorizationCheck();
      }
    }
    return next.execute(command);
  }

  private static boolean byItsAssignee(CommandContext context, String taskId) {
    Authentication user = context.getAuthentication();
    if (user == null || user.getUserId() == null || taskId == null) {
      return false;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    return task != null && user.getUserId().equals(task.getAssignee());
  }

  /** The engine's command keeps what it was given in protected fields; a renamed field stops the start-up. */
  private static Field field(Class<?> owner, String name) {
    try {
      Field field = owner.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's " + owner.getSimpleName() + " has no field " + name
          + " any more: giving a task back needs a new way to read the command", e);
    }
  }

  private static Object read(Field field, Object command) {
    try {
      return field.get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
