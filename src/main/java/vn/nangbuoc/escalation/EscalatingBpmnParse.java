package vn.nangbuoc.escalation;

import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The engine's BPMN parse, which reads every user task as if its model held the
 * {@link OverdueTimeout} listener. A subclass and not a parse listener: the engine registers a
 * timer's job definition (what Cockpit shows, suspends and counts) only from within its own parse, so
 * the listener goes through the engine's own {@code parseTimeoutTaskListener}, exactly as a modelled
 * one would. The same on every node of a cluster: it is code, not data.
 */
class EscalatingBpmnParse extends BpmnParse {

  EscalatingBpmnParse(BpmnParser parser) {
    super(parser);
  }

  /** After a scope's activities and their boundary events: whether a task has its own timer is known. */
  @Override
  public void parseScope(Element scopeElement, ScopeImpl parentScope) {
    super.parseScope(scopeElement, parentScope);
    for (ActivityImpl activity : parentScope.getActivities()) {
      for (ActivityImpl task : userTasksOf(activity)) {
        if (!OverdueTimeout.hasOwnEscalationTimer(task)) {
          TaskDefinition definition = ((UserTaskActivityBehavior) task.getActivityBehavior()).getTaskDefinition();
          definition.addTimeoutTaskListener(OverdueTimeout.LISTENER_ID,
              parseTimeoutTaskListener(OverdueTimeout.element(), task, definition));
        }
      }
    }
  }

  /** The activity if it is a user task; the task inside it if it is a multi-instance one's body. */
  private static List<ActivityImpl> userTasksOf(ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior) {
      return List.of(activity);
    }
    if (activity.getActivityBehavior() instanceof MultiInstanceActivityBehavior) {
      return activity.getActivities().stream()
          .filter(inner -> inner.getActivityBehavior() instanceof UserTaskActivityBehavior).toList();
    }
    return List.of();
  }
}
