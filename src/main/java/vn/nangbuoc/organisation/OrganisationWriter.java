package vn.nangbuoc.organisation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores an organisation as a file describes it: adds what is new and updates what is there, never
 * deletes (a unit or agency that disappears from a file may still own open cases; it ends by its
 * validTo, or by a reorganisation).
 */
@Component
public class OrganisationWriter {

  private static final Map<String, String> ROLE_LABELS = Map.of(
      "STAFF", "Cán bộ",
      "HEAD", "Lãnh đạo",
      "DEPUTY_HEAD", "Cấp phó",
      "VICE_CHAIRMAN", "Phó Chủ tịch");

  private final OrganisationRepository repository;
  private final IdentityService identityService;

  OrganisationWriter(OrganisationRepository repository, IdentityService identityService) {
    this.repository = repository;
    this.identityService = identityService;
  }

  /** Refuses the whole file, storing nothing, when {@link OrganisationFileCheck} finds a problem. */
  @Transactional
  public void write(OrganisationFile organisation, String source) {
    List<String> problems = OrganisationFileCheck.problemsOf(organisation, repository.findUnitCodes(),
        repository.findAgencyIds());
    if (!problems.isEmpty()) {
      throw new InvalidOrganisationException(source, problems);
    }
    organisation.duties().forEach(duty -> repository.upsertDuty(duty.code(), duty.name()));
    Map<String, OrganisationFile.Kind> kinds = new HashMap<>();
    for (OrganisationFile.Kind kind : organisation.kinds()) {
      repository.upsertKind(kind.code(), kind.name());
      kinds.put(kind.code(), kind);
    }
    for (OrganisationFile.Unit unit : organisation.units()) {
      repository.upsertUnit(new AdministrativeUnit(unit.code(), unit.name(), unit.type(), unit.level(), unit.parent()),
          unit.validFrom(), unit.validTo());
    }
    organisation.units().forEach(unit -> repository.replaceUnitSuccessors(unit.code(), unit.successors()));
    for (OrganisationFile.Agency agency : organisation.agencies()) {
      repository.upsertAgency(agency.id(), agency.kind(), agency.unit(), agency.name(), agency.email(),
          agency.validFrom(), agency.validTo());
      List<Capability> capabilities = agency.capabilities() != null ? agency.capabilities()
          : kinds.get(agency.kind()).capabilities();
      repository.replaceDutiesAndCapabilities(agency.id(), OrganisationFileCheck.dutiesOf(agency, kinds),
          capabilities);
      agency.groups().forEach((role, groupId) -> {
        repository.upsertAgencyGroup(agency.id(), role, groupId);
        ensureGroup(groupId, ROLE_LABELS.getOrDefault(role, role) + " – " + agency.name());
      });
    }
    organisation.agencies().forEach(agency -> repository.replaceAgencySuccessors(agency.id(), agency.successors()));
    organisation.agencies().stream().filter(agency -> agency.substitutes() != null)
        .forEach(agency -> repository.replaceSubstitutes(agency.id(), agency.substitutes()));
  }

  private void ensureGroup(String groupId, String name) {
    Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
    if (group == null) {
      group = identityService.newGroup(groupId);
      group.setType("WORKFLOW");
    }
    group.setName(name);
    identityService.saveGroup(group);
  }
}
