package vn.nangbuoc.migration;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The plan from one version of the pathway to another: every step mapped to the step of the same id and
 * kind (the engine's mapEqualActivities), and the events' triggers (timers, messages, the escalation timer of
 * every task) taken from the new version. The engine validates it as it builds it.
 */
@Component
class MigrationPlanner {

  /** The plan, or why there is none (in Vietnamese). */
  record Plan(MigrationPlan plan, List<String> problems) {
  }

  private final RuntimeService runtime;

  MigrationPlanner(RuntimeService runtime) {
    this.runtime = runtime;
  }

  Plan between(ProcessDefinition from, ProcessDefinition to) {
    try {
      return new Plan(runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities()
          .updateEventTriggers().build(), List.of());
    } catch (MigrationPlanValidationException e) {
      List<String> problems = e.getValidationReport().getInstructionReports().stream()
          .flatMap(report -> report.getFailures().stream().map(failure -> "Bước "
              + report.getMigrationInstruction().getSourceActivityId() + ": " + EngineReasons.of(failure) + "."))
          .distinct().toList();
      return new Plan(null, problems.isEmpty() ? List.of(EngineReasons.UNKNOWN + ".") : problems);
    }
  }
}
