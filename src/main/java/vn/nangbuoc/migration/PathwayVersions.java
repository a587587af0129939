package vn.nangbuoc.migration;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.pathway.ChildPathway;

/** The deployed versions of child-pathway: the one running cases are on, and the newest. */
@Component
class PathwayVersions {

  private final RepositoryService repository;

  PathwayVersions(RepositoryService repository) {
    this.repository = repository;
  }

  ProcessDefinition version(int version) {
    ProcessDefinition definition = repository.createProcessDefinitionQuery()
        .processDefinitionKey(ChildPathway.PROCESS_KEY).processDefinitionVersion(version).singleResult();
    if (definition == null) {
      throw new NotFoundException("Không có phiên bản " + version + " của lộ trình hỗ trợ trẻ.");
    }
    return definition;
  }

  ProcessDefinition latest() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(ChildPathway.PROCESS_KEY).latestVersion()
        .singleResult();
  }

  /** The version of a definition id, or null if it was deleted since (a run's record outlives it). */
  Integer versionOf(String processDefinitionId) {
    ProcessDefinition definition = processDefinitionId == null ? null
        : repository.createProcessDefinitionQuery().processDefinitionId(processDefinitionId).singleResult();
    return definition == null ? null : definition.getVersion();
  }
}
