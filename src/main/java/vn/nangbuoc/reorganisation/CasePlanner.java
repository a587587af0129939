package vn.nangbuoc.reorganisation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.nangbuoc.organisation.OrganisationChanges;
import vn.nangbuoc.system.EngineSystem;

/**
 * Which cases a reorganisation carries across, written down before the first one is: every case (open or
 * closed) of a merged commune goes to the unit it merged into (following a chain of merges to its end);
 * every case under an abolished unit stays in its commune with new agencies; every pathway with an open
 * task in a group of an agency that ended or lost duties is looked at again. Planning twice adds nothing.
 */
@Component
class CasePlanner {

  private static final int PAGE = 500;

  private final Reorganisations reorganisations;
  private final OrganisationChanges changes;
  private final TaskService taskService;
  private final EngineSystem system;
  private final JdbcClient jdbc;

  CasePlanner(Reorganisations reorganisations, OrganisationChanges changes, TaskService taskService,
      EngineSystem system, JdbcClient jdbc) {
    this.reorganisations = reorganisations;
    this.changes = changes;
    this.taskService = taskService;
    this.system = system;
    this.jdbc = jdbc;
  }

  void plan(long reorganisationId, StructuralChange.Outcome outcome) {
    Map<String, Set<String>> byDestination = new HashMap<>();
    for (String source : outcome.communeMoves().keySet()) {
      byDestination.computeIfAbsent(finalUnit(source, outcome.communeMoves()), d -> new LinkedHashSet<>())
          .add(source);
    }
    byDestination.forEach((destination, sources) ->
        reorganisations.planMoves(reorganisationId, sources, destination));
    Set<String> staying = new HashSet<>(outcome.areas());
    staying.removeAll(outcome.communeMoves().keySet());
    reorganisations.planStays(reorganisationId, staying);
    reorganisations.planPathways(reorganisationId, pathwaysWithTasksOf(outcome.touchedAgencies()));
  }

  List<Reorganisations.PlannedCase> everyPlanned(long reorganisationId) {
    return jdbc.sql("select r.case_id, c.process_instance_id, r.from_commune, r.to_commune from reorganisation_case r"
            + " join case_file c on c.id = r.case_id where r.reorganisation_id = ? order by r.case_id")
        .param(reorganisationId)
        .query((rs, n) -> new Reorganisations.PlannedCase(rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4)))
        .list();
  }

  private static String finalUnit(String unit, Map<String, String> moves) {
    String current = unit;
    Set<String> seen = new HashSet<>();
    while (moves.containsKey(current) && seen.add(current)) {
      current = moves.get(current);
    }
    return current;
  }

  private Set<String> pathwaysWithTasksOf(Set<String> agencies) {
    Set<String> groups = new HashSet<>();
    agencies.forEach(agency -> groups.addAll(changes.groupsOf(agency)));
    Set<String> pathways = new LinkedHashSet<>();
    if (groups.isEmpty()) {
      return pathways;
    }
    String[] candidates = groups.toArray(String[]::new);
    for (int first = 0; ; first += PAGE) {
      int from = first;
      List<Task> page = system.call(() -> taskService.createTaskQuery().taskCandidateGroupIn(List.of(candidates))
          .orderByTaskId().asc().listPage(from, PAGE));
      page.forEach(task -> pathways.add(task.getProcessInstanceId()));
      if (page.size() < PAGE) {
        return pathways;
      }
    }
  }
}
