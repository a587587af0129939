package vn.nangbuoc.routing;

import org.springframework.stereotype.Service;
import vn.nangbuoc.organisation.OrganisationDirectory;

/**
 * Resolves a task to an agency from data: the task-routing decision table says which duty the task is
 * part of, in which role and how many working days; the organisation says which agency serves that duty
 * for the child's commune (before the 2025 reform the district's labour office, after it the commune's
 * culture–social office, for the same row of the table).
 */
@Service
public class TaskRouting {

  private final RoutingTable table;
  private final OrganisationDirectory organisation;
  private final CaseRoutingFacts facts;
  private final FourEyesRouting fourEyes;

  TaskRouting(RoutingTable table, OrganisationDirectory organisation, CaseRoutingFacts facts,
      FourEyesRouting fourEyes) {
    this.table = table;
    this.organisation = organisation;
    this.facts = facts;
    this.fourEyes = fourEyes;
  }

  /**
   * Where a task of this pathway goes, for its child as the case file knows them now, and away from a group of
   * someone who may not decide it ({@link FourEyesRouting}).
   */
  public Route routeFor(String taskKey, String processInstanceId) {
    CaseRoutingFacts.Facts child = facts.of(processInstanceId);
    return fourEyes.avoidingWhoMayNotDecide(route(taskKey, child.communeCode(), child.estimatedCost()), taskKey,
        processInstanceId);
  }

  public Route route(String taskKey, String communeCode, Long estimatedCost) {
    RoutingTable.Rule rule = table.ruleFor(taskKey, estimatedCost);
    return new Route(organisation.responsibleAgency(rule.duty(), rule.staffRole(), communeCode),
        rule.deadlineDays());
  }
}
