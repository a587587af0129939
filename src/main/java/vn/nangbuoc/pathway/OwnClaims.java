package vn.nangbuoc.pathway;

import static vn.nangbuoc.pathway.CommandFields.field;
import static vn.nangbuoc.pathway.CommandFields.read;

import java.lang.reflect.Field;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A person claims a task for themselves and gives it back ("Nhận việc", "Trả việc"); nobody hands a child's task
 * to another person, except the administrators.
 * <ul>
 *   <li>Giving back is setting the assignee to nobody, for which the engine asks TASK_ASSIGN: a permission the
 *       routed groups do not have, because with it they could also hand the task to anyone. So exactly this
 *       command passes without the check: the assignee set to nobody by the person who is the assignee now.</li>
 *   <li>Claiming needs only TASK_WORK, and the engine's claim names any user or nobody: a member of the group
 *       could claim the task for someone else, in another office or another commune, or unclaim anyone's task.
 *       A claim names the person claiming. Resolving a delegated task, which the product never delegates, would
 *       also take a claimed task away: refused.</li>
 *   <li>Completing a claimed task is for its assignee ({@link TaskSubmission#requireResponsibleActor()}).</li>
 * </ul>
 * Every other assignment is checked by the engine as before.
 */
final class OwnClaims extends CommandInterceptor {

  static final String FOR_ONESELF = "Chỉ nhận việc cho chính mình: không giao công việc cho người khác được.";

  private static final Field ASSIGN_TASK_ID = field(AbstractSetTaskPropertyCmd.class, "taskId");
  private static final Field NEW_ASSIGNEE = field(AbstractAddIdentityLinkCmd.class, "userId");
  private static final Field CLAIMING_USER = field(ClaimTaskCmd.class, "userId");

  @Override
  public <T> T execute(Command<T> command) {
    CommandContext context = Context.getCommandContext();
    if (context == null || !context.isAuthorizationCheckEnabled() || context.getAuthentication() == null) {
      return next.execute(command);
    }
    Authentication user = context.getAuthentication();
    if (command instanceof ClaimTaskCmd claim && !isAdministrator(user)
        && !Objects.equals(user.getUserId(), read(CLAIMING_USER, claim))) {
      // a claim for nobody is the engine's unclaim that skips the assignee's check: anyone's task taken away
      throw new AuthorizationException(FOR_ONESELF);
    }
    if (command instanceof ResolveTaskCmd && !isAdministrator(user)) {
      // resolving hands a task back to its owner, here nobody: another way to take a claimed task away
      throw new AuthorizationException(FOR_ONESELF);
    }
    String taskId = command instanceof AssignTaskCmd assign ? (String) read(ASSIGN_TASK_ID, assign) : null;
    if (command instanceof AssignTaskCmd giveBack && read(NEW_ASSIGNEE, giveBack) == null
        && isAssignee(context, user, taskId)) {
      context.disableAuthorizationCheck();
      try {
        T done = next.execute(command);
        // the claim gave the person a right of their own on the task; it goes with the task
        context.getAuthorizationManager().deleteAuthorizationsByResourceIdAndUserId(Resources.TASK, taskId,
            user.getUserId());
        return done;
      } finally {
        context.enableAuthorizationCheck();
      }
    }
    return next.execute(command);
  }

  private static boolean isAdministrator(Authentication user) {
    return user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
  }

  private static boolean isAssignee(CommandContext context, Authentication user, String taskId) {
    if (user.getUserId() == null || taskId == null) {
      return false;
    }
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    return task != null && user.getUserId().equals(task.getAssignee());
  }
}
