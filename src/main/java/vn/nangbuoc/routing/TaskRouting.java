package vn.nangbuoc.routing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.organisation.OrganisationDirectory;

/**
 * Resolves a task to an agency from data: the task-routing decision table says which duty the task is
 * part of, in which role and how many working days; the organisation says which agency serves that duty
 * for the child's commune (before the 2025 reform the district's labour office, after it the commune's
 * culture–social office, for the same row of the table). A process whose subject is a unit, not a child (a
 * unit's report), is routed the same way from its unit ({@link UnitSubjects}).
 */
@Service
public class TaskRouting {

  private final RoutingTable table;
  private final OrganisationDirectory organisation;
  private final CaseRoutingFacts facts;
  private final FourEyesRouting fourEyes;
  private final List<UnitSubjects> unitSubjects;

  TaskRouting(RoutingTable table, OrganisationDirectory organisation, CaseRoutingFacts facts,
      FourEyesRouting fourEyes, List<UnitSubjects> unitSubjects) {
    this.table = table;
    this.organisation = organisation;
    this.facts = facts;
    this.fourEyes = fourEyes;
    this.unitSubjects = unitSubjects;
  }

  /**
   * Where a task of this pathway goes, for its child as the case file knows them now (or for its unit), and away
   * from a group of someone who may not decide it ({@link FourEyesRouting}).
   */
  public Route routeFor(String taskKey, String processInstanceId) {
    Optional<CaseRoutingFacts.Facts> child = facts.find(processInstanceId);
    Route route;
    if (child.isPresent()) {
      route = route(taskKey, child.get().communeCode(), child.get().estimatedCost());
    } else {
      UnitSubject unit = unitSubjectOf(processInstanceId).orElseThrow(() -> new InvalidInputException(
          "Quy trình này không gắn với hồ sơ hay báo cáo của đơn vị nào."));
      Route fromTable = route(taskKey, unit.unitFor(taskKey), null);
      LocalDate deadline = unit.deadlineOf(taskKey);
      route = new Route(fromTable.agency(), fromTable.deadlineWorkingDays(), null, deadline);
    }
    return fourEyes.avoidingWhoMayNotDecide(route, taskKey, processInstanceId);
  }

  public Route route(String taskKey, String communeCode, Long estimatedCost) {
    RoutingTable.Rule rule = table.ruleFor(taskKey, estimatedCost);
    return new Route(organisation.responsibleAgency(rule.duty(), rule.staffRole(), communeCode),
        rule.deadlineDays());
  }

  /** The unit an instance is about, when it is not a child's pathway but, for example, a unit's report. */
  public Optional<UnitSubject> unitSubjectOf(String processInstanceId) {
    return unitSubjects.stream().map(subjects -> subjects.of(processInstanceId)).flatMap(Optional::stream)
        .findFirst();
  }
}
