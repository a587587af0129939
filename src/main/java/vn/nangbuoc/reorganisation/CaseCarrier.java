package vn.nangbuoc.reorganisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.PathwayEvents;
import vn.nangbuoc.routing.OpenTaskRerouting;
import vn.nangbuoc.security.CaseAuthorizations;
import vn.nangbuoc.system.EngineSystem;
import vn.nangbuoc.system.EngineTime;

/**
 * Carries a batch of cases into the new structure, in the caller's transaction: each case file goes to the
 * unit that took its commune over (its number keeps its prefix; its timeline says why), its open tasks go to
 * whoever serves them now, and the rights on the case, its tasks and its history are those of the agencies
 * serving its commune now — for a closed case too, whose history the successors read. What is the same for
 * the whole batch is done once for it (moving the files, recording why, the rights, per new commune, of
 * running and of ended pathways): a city holds ten closed cases for each open one, and an open case asked the
 * engine about every right it held (docs/performance.md, issue 19). Tasks change through the engine's API.
 */
@Component
class CaseCarrier {

  private final CaseFileService caseFiles;
  private final CaseStepRecords records;
  private final OrganisationDirectory organisation;
  private final OpenTaskRerouting rerouting;
  private final CaseAuthorizations authorizations;
  private final RuntimeService runtimeService;
  private final EngineSystem system;

  CaseCarrier(CaseFileService caseFiles, CaseStepRecords records, OrganisationDirectory organisation,
      OpenTaskRerouting rerouting, CaseAuthorizations authorizations, RuntimeService runtimeService,
      EngineSystem system) {
    this.caseFiles = caseFiles;
    this.records = records;
    this.organisation = organisation;
    this.rerouting = rerouting;
    this.authorizations = authorizations;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  /** @return how many of the batch's open tasks went to each group that was not theirs */
  Map<String, Integer> carry(long reorganisationId, List<Reorganisations.PlannedCase> batch, String appliedBy) {
    Map<String, Integer> rerouted = new TreeMap<>();
    if (batch.isEmpty()) {
      return rerouted;
    }
    moveCaseFiles(reorganisationId, batch, appliedBy);
    Set<String> running = running(batch);
    Map<String, List<String>> runningByCommune = new LinkedHashMap<>();
    Map<String, List<String>> endedByCommune = new LinkedHashMap<>();
    for (Reorganisations.PlannedCase planned : batch) {
      String instance = planned.processInstanceId();
      if (instance != null) {
        (running.contains(instance) ? runningByCommune : endedByCommune)
            .computeIfAbsent(planned.toCommune(), c -> new ArrayList<>()).add(instance);
      }
    }
    rerouting.rerouteTasksInSql(runningByCommune.values().stream().flatMap(List::stream).toList())
        .forEach(routed -> rerouted.merge(routed.groupId(), 1, Integer::sum));
    // the rights once the tasks are where they go: a task keeps those of the groups it is routed to now
    runningByCommune.forEach((commune, instances) -> authorizations.recomputeRunning(instances, commune));
    endedByCommune.forEach((commune, instances) -> authorizations.recomputeEnded(instances, commune));
    return rerouted;
  }

  /** The case files not yet in their new commune go there, each with a line in its timeline. */
  private void moveCaseFiles(long reorganisationId, List<Reorganisations.PlannedCase> batch, String appliedBy) {
    Map<Long, String> communes = caseFiles.communesOf(batch.stream().map(Reorganisations.PlannedCase::caseId)
        .toList());
    Map<String, List<Long>> moving = new LinkedHashMap<>();
    List<CaseStepRecords.NewRecord> why = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    for (Reorganisations.PlannedCase planned : batch) {
      String commune = communes.get(planned.caseId());
      if (commune != null && !commune.equals(planned.toCommune())) {
        moving.computeIfAbsent(planned.toCommune(), c -> new ArrayList<>()).add(planned.caseId());
        why.add(new CaseStepRecords.NewRecord(planned.caseId(), PathwayEvents.STEP_REORGANISATION, null, appliedBy,
            EngineTime.now(), Map.of("from", names.computeIfAbsent(commune, this::name),
            "to", names.computeIfAbsent(planned.toCommune(), this::name), "reorganisation", "#" + reorganisationId)));
      }
    }
    moving.forEach((to, ids) -> caseFiles.carryAllTo(ids, to));
    records.appendAll(why);
  }

  /** Which of the batch's pathways still run: one engine query for the batch. */
  private Set<String> running(List<Reorganisations.PlannedCase> batch) {
    Set<String> instances = batch.stream().map(Reorganisations.PlannedCase::processInstanceId)
        .filter(id -> id != null).collect(Collectors.toSet());
    if (instances.isEmpty()) {
      return Set.of();
    }
    return system.call(() -> runtimeService.createProcessInstanceQuery().processInstanceIds(instances)
        .listPage(0, instances.size()).stream().map(ProcessInstance::getId).collect(Collectors.toSet()));
  }

  private String name(String communeCode) {
    return organisation.unit(communeCode).map(unit -> unit.displayName()).orElse(communeCode);
  }
}
