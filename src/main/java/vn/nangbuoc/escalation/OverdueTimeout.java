package vn.nangbuoc.escalation;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.TimerDeclarationType;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.xml.sax.helpers.AttributesImpl;

/**
 * The one escalation of every user task: a timeout task listener whose timer repeats from the task's
 * due date ({@code TaskDeadlines.escalationCycle}) and calls {@link OverdueTaskListener}. It is what
 * a model would say with
 * <pre>{@code
 * <camunda:taskListener id="overdue" event="timeout" delegateExpression="${overdueTaskListener}">
 *   <bpmn:timerEventDefinition>
 *     <bpmn:timeCycle>${taskDeadlines.escalationCycle(execution)}</bpmn:timeCycle>
 *   </bpmn:timerEventDefinition>
 * </camunda:taskListener>}</pre>
 * so the diagrams need not say it on every task: {@link EscalatingBpmnParse} reads every user task as
 * if it did.
 */
public final class OverdueTimeout {

  static final String LISTENER_ID = "overdue";
  static final String LISTENER_BEAN = "overdueTaskListener";
  public static final String CYCLE = "${taskDeadlines.escalationCycle(execution)}";
  /** How the engine describes the timer of such a cycle (a job definition's configuration). */
  static final String JOB_CONFIGURATION = TimerDeclarationType.CYCLE + ": " + CYCLE;

  private OverdueTimeout() {
  }

  /** The listener's element, as the engine's XML parser would have built it from the text above. */
  static Element element() {
    AttributesImpl attributes = new AttributesImpl();
    attribute(attributes, "id", LISTENER_ID);
    attribute(attributes, "event", TaskListener.EVENTNAME_TIMEOUT);
    attribute(attributes, "delegateExpression", "${" + LISTENER_BEAN + "}");
    Element listener = new Element(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS, "taskListener", "camunda:taskListener",
        attributes, null);
    Element timer = new Element(BpmnParser.BPMN20_NS, "timerEventDefinition", "bpmn:timerEventDefinition",
        new AttributesImpl(), null);
    Element cycle = new Element(BpmnParser.BPMN20_NS, "timeCycle", "bpmn:timeCycle", new AttributesImpl(), null);
    cycle.appendText(CYCLE);
    timer.add(cycle);
    listener.add(timer);
    return listener;
  }

  /**
   * Whether the task escalates through a boundary timer of its own on the same cycle: so did every
   * user task of the pathway before issue 18, and its instances keep that timer (a second one would
   * escalate them twice).
   */
  static boolean hasOwnEscalationTimer(ActivityImpl task) {
    return TimerDeclarationImpl.getDeclarationsForScope(task).values().stream()
        .anyMatch(timer -> JOB_CONFIGURATION.equals(timer.getJobConfiguration()));
  }

  private static void attribute(AttributesImpl attributes, String name, String value) {
    attributes.addAttribute("", name, name, "CDATA", value);
  }
}
