package vn.nangbuoc.routing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The child moved: the case file already names the new commune, and every open task goes to whoever
 * serves it now ({@link OpenTaskRerouting}); a claim by the old commune's staff is released, since they no
 * longer work on this child.
 */
@Component("rerouteOpenTasksDelegate")
class RerouteOpenTasksDelegate implements JavaDelegate {

  private final OpenTaskRerouting rerouting;
  private final ApplicationEventPublisher events;

  RerouteOpenTasksDelegate(OpenTaskRerouting rerouting, ApplicationEventPublisher events) {
    this.rerouting = rerouting;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the mover had the right to move the child (checked by the API); re-routing is the system's work
    // the new commune's staff hear of each of its few tasks, as of new work
    rerouting.reroute(execution.getProcessInstanceId()).forEach(events::publishEvent);
  }
}
