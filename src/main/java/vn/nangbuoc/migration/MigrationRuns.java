package vn.nangbuoc.migration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.system.EngineSystem;

/**
 * The record of migrations, for administrators and auditors: the engine's user operation log, which writes one
 * entry for every migration of the pathway (through this API, Cockpit or REST) with who, when, from which
 * definition to which and how many instances. Runs started here carry a Vietnamese note with the batch.
 */
@Component
class MigrationRuns {

  static final int RUNS_LISTED = 200;

  record Run(Instant at, String userId, Integer fromVersion, Integer toVersion, int instances, boolean batch,
      String note) {
  }

  private final HistoryService history;
  private final PathwayVersions versions;
  private final EngineSystem system;

  MigrationRuns(HistoryService history, PathwayVersions versions, EngineSystem system) {
    this.history = history;
    this.versions = versions;
    this.system = system;
  }

  /** Notes the run the user just started on its log entry, so the record names the batch. */
  void annotate(String userId, String fromDefinitionId, String note) {
    system.run(() -> history.createUserOperationLogQuery()
        .operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE).userId(userId)
        .processDefinitionId(fromDefinitionId).orderByTimestamp().desc().listPage(0, 1).stream().findFirst()
        .ifPresent(entry -> history.setAnnotationForOperationLogById(entry.getOperationId(), note)));
  }

  List<Run> recent() {
    // one entry per property changed (definition, instances, async): grouped back into runs
    List<UserOperationLogEntry> entries = system.call(() -> history.createUserOperationLogQuery()
        .operationType(UserOperationLogEntry.OPERATION_TYPE_MIGRATE).processDefinitionKey(ChildPathway.PROCESS_KEY)
        .orderByTimestamp().desc().listPage(0, RUNS_LISTED * 4));
    Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
    entries.forEach(entry -> byOperation.computeIfAbsent(entry.getOperationId(), id -> new ArrayList<>()).add(entry));
    return system.call(() -> byOperation.values().stream().limit(RUNS_LISTED).map(this::run).toList());
  }

  private Run run(List<UserOperationLogEntry> entries) {
    UserOperationLogEntry first = entries.get(0);
    String from = null;
    String to = null;
    int instances = 0;
    boolean batch = false;
    for (UserOperationLogEntry entry : entries) {
      switch (String.valueOf(entry.getProperty())) {
        case "processDefinitionId" -> {
          from = entry.getOrgValue();
          to = entry.getNewValue();
        }
        case "nrOfInstances" -> instances = Integer.parseInt(entry.getNewValue());
        case "async" -> batch = Boolean.parseBoolean(entry.getNewValue());
        default -> {
          // other properties say nothing an auditor asks about
        }
      }
    }
    return new Run(first.getTimestamp().toInstant(), first.getUserId(), versions.versionOf(from),
        versions.versionOf(to), instances, batch, first.getAnnotation());
  }
}
