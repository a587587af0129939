package vn.nangbuoc.casepage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.StepCatalogue;
import vn.nangbuoc.pathway.StepCatalogues;
import vn.nangbuoc.security.PersonNames;
import vn.nangbuoc.system.EngineSystem;

/**
 * The case page's middle: what each part of the case's process recorded, in the order the process runs
 * (for the child pathway: listing, screening, referral, funding, surgery and services, follow-up visits, closure),
 * as the process's {@link StepCatalogue} divides it.
 */
@Component
class CaseSections {

  record Entry(String step, String recordedBy, java.time.Instant recordedAt, Map<String, String> fields) {
  }

  record Section(String title, List<Entry> entries) {
  }

  private final CaseStepRecords records;
  private final StepNames steps;
  private final RecordFields fields;
  private final CaseFileService caseFiles;
  private final StepCatalogues catalogues;
  private final HistoryService history;
  private final EngineSystem system;
  private final PersonNames people;

  CaseSections(CaseStepRecords records, StepNames steps, RecordFields fields, CaseFileService caseFiles,
      StepCatalogues catalogues, HistoryService history, EngineSystem system, PersonNames people) {
    this.people = people;
    this.records = records;
    this.steps = steps;
    this.fields = fields;
    this.caseFiles = caseFiles;
    this.catalogues = catalogues;
    this.history = history;
    this.system = system;
  }

  /** Every section, empty ones included, so a reader sees at once what has not happened yet. */
  List<Section> of(long caseId) {
    List<CaseStepRecords.StepRecord> all = records.all(caseId);
    List<Section> sections = new ArrayList<>();
    List<String> placed = new ArrayList<>();
    catalogues.of(processKey(caseId)).ifPresent(catalogue -> catalogue.sections().forEach(section -> {
      List<String> keys = catalogue.stepsIn(section);
      placed.addAll(keys);
      sections.add(new Section(section.title(), all.stream().filter(record -> keys.contains(record.step()))
          .map(this::entry).toList()));
    }));
    List<Entry> elsewhere = all.stream().filter(record -> !placed.contains(record.step())).map(this::entry).toList();
    if (!elsewhere.isEmpty()) {
      // a step an analyst added to the model and no catalogue names yet still shows
      sections.add(new Section("Bước khác", elsewhere));
    }
    return sections;
  }

  /** The process the case runs in; a case whose process left no trace is a child pathway's. */
  private String processKey(long caseId) {
    String instance = caseFiles.get(caseId).processInstanceId();
    return Optional.ofNullable(instance == null ? null : system.call(() -> history.createHistoricProcessInstanceQuery()
            .processInstanceId(instance).singleResult()))
        .map(HistoricProcessInstance::getProcessDefinitionKey).orElse(ChildPathway.PROCESS_KEY);
  }

  private Entry entry(CaseStepRecords.StepRecord record) {
    return new Entry(steps.of(record.step()), people.of(record.recordedBy()),
        record.recordedAt(), fields.shown(record.data()));
  }
}
