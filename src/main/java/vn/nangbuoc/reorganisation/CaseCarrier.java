package vn.nangbuoc.reorganisation;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
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
 * Carries one case into the new structure, in the caller's transaction: the case file goes to the unit
 * that took its commune over (its number keeps its prefix; its timeline says why), its open tasks go to
 * whoever serves them now, and the rights on the case, its tasks and its history are those of the agencies
 * serving its commune now — for a closed case too, whose history the successors read.
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

  /** @return how many of its open tasks went to another group */
  int carry(long reorganisationId, Reorganisations.PlannedCase planned, String appliedBy) {
    String commune = caseFiles.get(planned.caseId()).communeCode();
    if (!commune.equals(planned.toCommune())) {
      caseFiles.carryTo(planned.caseId(), planned.toCommune());
      records.append(planned.caseId(), PathwayEvents.STEP_REORGANISATION, null, appliedBy, EngineTime.now(), Map.of(
          "from", name(commune), "to", name(planned.toCommune()), "reorganisation", "#" + reorganisationId));
    }
    String instance = planned.processInstanceId();
    if (instance == null) {
      return 0;
    }
    int rerouted = 0;
    boolean running = system.call(() ->
        runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0);
    if (running) {
      rerouted = rerouting.reroute(instance);
    }
    authorizations.recompute(instance, planned.toCommune());
    return rerouted;
  }

  private String name(String communeCode) {
    return organisation.unit(communeCode).map(unit -> unit.displayName()).orElse(communeCode);
  }
}
