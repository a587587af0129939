package vn.nangbuoc.organisation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the organisation file at start-up: adds what is new and updates names, never deletes
 * (a unit or agency that disappears from the file may still own open cases).
 */
@Component
@Order(10)
class OrganisationImporter implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(OrganisationImporter.class);

  private static final Map<String, String> ROLE_LABELS = Map.of(
      "STAFF", "Cán bộ",
      "HEAD", "Lãnh đạo",
      "VICE_CHAIRMAN", "Phó Chủ tịch");

  private final OrganisationRepository repository;
  private final IdentityService identityService;
  private final Resource file;

  OrganisationImporter(OrganisationRepository repository, IdentityService identityService,
      @Value("${nangbuoc.organisation.file:}") Resource file) {
    this.repository = repository;
    this.identityService = identityService;
    this.file = file;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) throws IOException {
    if (file == null || !file.exists()) {
      log.info("No organisation file to import");
      return;
    }
    OrganisationFile organisation = read(file);
    List<String> problems = OrganisationFileCheck.problemsOf(organisation);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Tệp tổ chức " + file.getFilename() + " chưa dùng được:\n- "
          + String.join("\n- ", problems));
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
    log.info("Organisation imported from {}: {} units, {} agencies", file.getFilename(),
        organisation.units().size(), organisation.agencies().size());
  }

  static OrganisationFile read(Resource file) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
        .findAndRegisterModules();
    try (InputStream in = file.getInputStream()) {
      return yaml.readValue(in, OrganisationFile.class);
    }
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
