package vn.nangbuoc.migration;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.system.EngineSystem;

/**
 * Moves the running pathways of one version of child-pathway to the newest: a preview first, then a batch of
 * the engine's migration jobs for the pathways the engine accepts. Pathways it refuses stay on their version,
 * and the preview and the answer say which and why.
 */
@Service
class PathwayMigrations {

  static final int REFUSALS_LISTED = 100;

  /** The batch started, and what it leaves behind. */
  record Started(String batchId, int fromVersion, int toVersion, int instances, int refused, String message) {
  }

  private final PathwayVersions versions;
  private final MigrationPlanner planner;
  private final MigrationChecks checks;
  private final MigrationRuns runs;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final RepositoryService repository;
  private final EngineSystem system;

  PathwayMigrations(PathwayVersions versions, MigrationPlanner planner, MigrationChecks checks, MigrationRuns runs,
      RuntimeService runtime, ManagementService management, RepositoryService repository, EngineSystem system) {
    this.versions = versions;
    this.planner = planner;
    this.checks = checks;
    this.runs = runs;
    this.runtime = runtime;
    this.management = management;
    this.repository = repository;
    this.system = system;
  }

  MigrationPreview preview(int fromVersion) {
    Prepared prepared = prepare(fromVersion);
    ProcessDefinition from = prepared.from();
    ProcessDefinition to = prepared.to();
    Map<String, String> targets = prepared.plan().plan() == null ? Map.of()
        : prepared.plan().plan().getInstructions().stream().collect(Collectors.toMap(
            MigrationInstruction::getSourceActivityId, MigrationInstruction::getTargetActivityId, (a, b) -> a));
    BpmnModelInstance source = repository.getBpmnModelInstance(from.getId());
    BpmnModelInstance target = repository.getBpmnModelInstance(to.getId());
    // unbounded: one row per step of the model, whatever the query limit for lists says
    List<MigrationPreview.Step> steps = system.call(() -> management.createActivityStatisticsQuery(from.getId())
        .unlimitedList()).stream()
        .sorted(Comparator.comparing(ActivityStatistics::getId))
        .map(waiting -> step(waiting, targets.get(waiting.getId()), source, target, to.getVersion())).toList();
    MigrationChecks.Outcome outcome = prepared.outcome();
    int refused = prepared.ids().size() - outcome.migratable().size();
    String summary = prepared.ids().isEmpty()
        ? "Không có lộ trình nào đang chạy ở phiên bản " + from.getVersion() + "."
        : outcome.migratable().size() + " trong " + prepared.ids().size() + " lộ trình đang chạy ở phiên bản "
            + from.getVersion() + " sẽ được chuyển sang phiên bản " + to.getVersion()
            + (refused == 0 ? "." : "; " + refused + " lộ trình không chuyển được và ở lại phiên bản cũ.");
    return new MigrationPreview(from.getVersion(), to.getVersion(), summary, prepared.ids().size(),
        outcome.migratable().size(), refused, steps, prepared.plan().problems(),
        outcome.refused().stream().limit(REFUSALS_LISTED).toList());
  }

  /** Starts the batch for the pathways the engine accepts now; the acting user is the engine's authenticated one. */
  Started start(int fromVersion, String userId) {
    Prepared prepared = prepare(fromVersion);
    if (prepared.plan().plan() == null) {
      throw new InvalidInputException("Không lập được kế hoạch chuyển sang phiên bản " + prepared.to().getVersion()
          + ": " + String.join(" ", prepared.plan().problems()));
    }
    List<String> migratable = prepared.outcome().migratable();
    if (migratable.isEmpty()) {
      throw new InvalidInputException(prepared.ids().isEmpty()
          ? "Không có lộ trình nào đang chạy ở phiên bản " + fromVersion + "."
          : "Không lộ trình nào của phiên bản " + fromVersion + " chuyển được sang phiên bản "
              + prepared.to().getVersion() + ": xem lý do ở bản xem trước.");
    }
    Batch batch = runtime.newMigration(prepared.plan().plan()).processInstanceIds(migratable).executeAsync();
    int refused = prepared.ids().size() - migratable.size();
    String message = "Đã bắt đầu chuyển " + migratable.size() + " lộ trình từ phiên bản " + fromVersion
        + " sang phiên bản " + prepared.to().getVersion() + " (đợt " + batch.getId() + ")"
        + (refused == 0 ? "." : "; " + refused + " lộ trình không chuyển được, ở lại phiên bản cũ.");
    runs.annotate(userId, prepared.from().getId(), message);
    return new Started(batch.getId(), fromVersion, prepared.to().getVersion(), migratable.size(), refused, message);
  }

  private record Prepared(ProcessDefinition from, ProcessDefinition to, MigrationPlanner.Plan plan,
      List<String> ids, MigrationChecks.Outcome outcome) {
  }

  private Prepared prepare(int fromVersion) {
    ProcessDefinition from = versions.version(fromVersion);
    ProcessDefinition to = versions.latest();
    if (from.getId().equals(to.getId())) {
      throw new InvalidInputException("Phiên bản " + fromVersion + " là phiên bản mới nhất của lộ trình: "
          + "không có phiên bản nào để chuyển sang.");
    }
    MigrationPlanner.Plan plan = planner.between(from, to);
    // every id, past the query limit meant for lists people read; the caller is an administrator
    List<String> ids = system.call(() -> runtime.createProcessInstanceQuery().processDefinitionId(from.getId())
        .unlimitedList()).stream().map(ProcessInstance::getId).toList();
    MigrationChecks.Outcome outcome = plan.plan() == null
        ? new MigrationChecks.Outcome(List.of(), ids.stream()
            .map(id -> new MigrationPreview.Refusal(id, plan.problems())).toList())
        : checks.check(plan.plan(), ids);
    return new Prepared(from, to, plan, ids, outcome);
  }

  private static MigrationPreview.Step step(ActivityStatistics waiting, String targetId, BpmnModelInstance source,
      BpmnModelInstance target, int toVersion) {
    String name = nameOf(source, waiting.getId());
    if (targetId == null) {
      return new MigrationPreview.Step(waiting.getId(), name, waiting.getInstances(), false, null,
          waiting.getInstances() + " lộ trình chờ ở bước \"" + name + "\": phiên bản " + toVersion
              + " không có bước tương ứng, các lộ trình này không chuyển được.");
    }
    return new MigrationPreview.Step(waiting.getId(), name, waiting.getInstances(), true, targetId,
        waiting.getInstances() + " lộ trình chờ ở bước \"" + name + "\": chuyển sang bước \""
            + nameOf(target, targetId) + "\" của phiên bản " + toVersion + ".");
  }

  private static String nameOf(BpmnModelInstance model, String activityId) {
    FlowElement element = model.getModelElementById(activityId);
    return element == null || element.getName() == null ? activityId : element.getName();
  }
}
