package vn.nangbuoc.routing;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Service;
import vn.nangbuoc.engine.EngineSystem;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.ChildPathway;

/**
 * Resolves a task to an agency from data: the task-routing decision table says which kind of
 * agency in which role and how many working days, the organisation says which agency of that kind
 * serves the child's commune.
 */
@Service
public class TaskRouting {

  private final DecisionService decisions;
  private final OrganisationDirectory organisation;
  private final EngineSystem system;
  private final CaseRoutingFacts facts;

  TaskRouting(DecisionService decisions, OrganisationDirectory organisation, EngineSystem system,
      CaseRoutingFacts facts) {
    this.decisions = decisions;
    this.organisation = organisation;
    this.system = system;
    this.facts = facts;
  }

  /** Where a task of this pathway goes, for its child as the case file knows them now. */
  public Route routeFor(String taskKey, String processInstanceId) {
    CaseRoutingFacts.Facts child = facts.of(processInstanceId);
    return route(taskKey, child.communeCode(), child.estimatedCost());
  }

  public Route route(String taskKey, String communeCode, Long estimatedCost) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("taskKey", taskKey);
    inputs.put("estimatedCost", estimatedCost);
    DmnDecisionRuleResult rule = system.call(() ->
        decisions.evaluateDecisionTableByKey(ChildPathway.DECISION_TASK_ROUTING, inputs).getSingleResult());
    if (rule == null) {
      throw new ProcessEngineException("Bảng phân công (task-routing) không có dòng nào cho công việc " + taskKey + ".");
    }
    String kind = rule.getEntry("agencyKind");
    String role = rule.getEntry("staffRole");
    Number days = rule.getEntry("deadlineDays");
    return new Route(organisation.responsibleAgency(kind, role, communeCode), days.intValue());
  }
}
