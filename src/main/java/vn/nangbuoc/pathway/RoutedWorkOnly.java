package vn.nangbuoc.pathway;

import static vn.nangbuoc.pathway.CommandFields.field;
import static vn.nangbuoc.pathway.CommandFields.read;

import java.lang.reflect.Field;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import vn.nangbuoc.security.RoutedGroups;

/**
 * A task goes to the group routing chose ({@link RoutedGroups}) and to no one else, on every client of the engine
 * (its REST API, Tasklist, Cockpit), administrators included. The engine grants every candidate link and every
 * assignee the task (TASK_WORK): the task would show in their Tasklist, with the child's name in its title. So a
 * person's command may not
 * <ul>
 *   <li>add a candidate group, a candidate user or any other identity link to a task;</li>
 *   <li>give a task (assign, claim, delegate, own, save with another assignee or owner) to someone outside the
 *       group routing chose.</li>
 * </ul>
 * Routing and re-routing run as the system (no authentication, or the authorization check off) and pass.
 */
final class RoutedWorkOnly extends CommandInterceptor {

  static final String ROUTED_ONLY = "Công việc chỉ giao cho cơ quan mà bảng phân công đã chọn: không thêm nhóm hay"
      + " người nhận việc bằng tay được.";
  static final String OUTSIDER = "Chỉ giao công việc cho người thuộc cơ quan được giao công việc này.";

  private static final Set<String> HOLDERS = Set.of(IdentityLinkType.ASSIGNEE, IdentityLinkType.OWNER);
  private static final Field TASK_ID = field(AbstractSetTaskPropertyCmd.class, "taskId");
  private static final Field LINK_USER = field(AbstractAddIdentityLinkCmd.class, "userId");
  private static final Field LINK_TYPE = field(AbstractAddIdentityLinkCmd.class, "type");
  private static final Field CLAIM_TASK = field(ClaimTaskCmd.class, "taskId");
  private static final Field CLAIM_USER = field(ClaimTaskCmd.class, "userId");
  private static final Field DELEGATE_TASK = field(DelegateTaskCmd.class, "taskId");
  private static final Field DELEGATE_USER = field(DelegateTaskCmd.class, "userId");
  private static final Field SAVED_TASK = field(SaveTaskCmd.class, "task");

  private final Supplier<RoutedGroups> routedGroups;

  RoutedWorkOnly(Supplier<RoutedGroups> routedGroups) {
    this.routedGroups = routedGroups;
  }

  @Override
  public <T> T execute(Command<T> command) {
    CommandContext context = Context.getCommandContext();
    if (context == null || !context.isAuthorizationCheckEnabled() || context.getAuthentication() == null) {
      return next.execute(command);
    }
    if (command instanceof AddGroupIdentityLinkCmd) {
      throw new AuthorizationException(ROUTED_ONLY);
    }
    if (command instanceof AddUserIdentityLinkCmd link && !HOLDERS.contains((String) read(LINK_TYPE, link))) {
      throw new AuthorizationException(ROUTED_ONLY);
    }
    if (command instanceof AddUserIdentityLinkCmd || command instanceof AssignTaskCmd
        || command instanceof SetTaskOwnerCmd) {
      requireRouted((String) read(TASK_ID, command), (String) read(LINK_USER, command));
    } else if (command instanceof ClaimTaskCmd) {
      requireRouted((String) read(CLAIM_TASK, command), (String) read(CLAIM_USER, command));
    } else if (command instanceof DelegateTaskCmd) {
      requireRouted((String) read(DELEGATE_TASK, command), (String) read(DELEGATE_USER, command));
    } else if (command instanceof SaveTaskCmd) {
      TaskEntity saved = (TaskEntity) read(SAVED_TASK, command);
      if (saved != null && saved.getId() != null) {
        RoutedGroups.Holders now = routedGroups.get().holdersOf(saved.getId());
        if (!Objects.equals(saved.getAssignee(), now.assignee())) {
          requireRouted(saved.getId(), saved.getAssignee());
        }
        if (!Objects.equals(saved.getOwner(), now.owner())) {
          requireRouted(saved.getId(), saved.getOwner());
        }
      }
    }
    return next.execute(command);
  }

  /** Nobody (a give-back) is always allowed here; anyone else must be a member of the task's routed group. */
  private void requireRouted(String taskId, String userId) {
    if (userId != null && taskId != null && !routedGroups.get().isRoutedTo(userId, taskId)) {
      throw new AuthorizationException(OUTSIDER);
    }
  }
}
