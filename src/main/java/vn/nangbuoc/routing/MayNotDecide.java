package vn.nangbuoc.routing;

import java.util.Set;

/**
 * Who may not decide a task for a child (four eyes: whoever asked for the money does not approve it), said by the
 * feature whose rule it is. Routing hands such a task to a group none of them belongs to ({@link FourEyesRouting}).
 */
public interface MayNotDecide {

  /** The users who may not decide the task of this pathway; empty for a task the rule is not about. */
  Set<String> usersFor(String taskKey, String processInstanceId);
}
