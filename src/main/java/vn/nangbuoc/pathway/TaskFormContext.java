package vn.nangbuoc.pathway;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.nangbuoc.audit.CaseAccessLog;
import vn.nangbuoc.casefile.Caregiver;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.casefile.CaseStepRecords.StepRecord;
import vn.nangbuoc.fund.Balance;
import vn.nangbuoc.fund.Fund;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.fund.RequestStatus;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.system.EngineTime;

/**
 * What a task's form shows about its child, read from the case file when the form opens: the
 * engine never holds the child's name or findings, yet each form says which child it is about.
 * Values are named {@code case_...} and escaped for the forms' Markdown ({@link FormText}); the
 * complete-listing form is also pre-filled with the listing.
 */
@Component
class TaskFormContext {

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CaseFileService caseFiles;
  private final CaseStepRecords records;
  private final OrganisationDirectory organisation;
  private final CaseAccessLog accessLog;
  private final FundBooks fundBooks;
  private final RepositoryService repositoryService;
  private final StepCatalogues catalogues;
  private final DisplayLabels labels;
  private final List<UnitTaskForms> unitForms;

  TaskFormContext(TaskService taskService, RuntimeService runtimeService, IdentityService identityService,
      CaseFileService caseFiles, CaseStepRecords records, OrganisationDirectory organisation, CaseAccessLog accessLog,
      FundBooks fundBooks, RepositoryService repositoryService, StepCatalogues catalogues, DisplayLabels labels,
      List<UnitTaskForms> unitForms) {
    this.unitForms = unitForms;
    this.labels = labels;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.caseFiles = caseFiles;
    this.records = records;
    this.organisation = organisation;
    this.accessLog = accessLog;
    this.fundBooks = fundBooks;
    this.repositoryService = repositoryService;
    this.catalogues = catalogues;
  }

  /** The display values of a task's form; the read is recorded in the case's access log. */
  Map<String, String> forTask(String taskId, String reader, String remoteAddress) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessInstanceId() == null) {
      return Map.of();
    }
    CaseFile file = caseFiles.findByProcessInstance(task.getProcessInstanceId()).orElse(null);
    if (file == null) {
      // a unit's report: figures and what its officers wrote, no child's data, so nothing for the access log
      return unitForms.stream().filter(forms -> forms.unitOf(task.getProcessInstanceId()).isPresent()).findFirst()
          .map(forms -> forms.valuesFor(task)).orElse(Map.of());
    }
    accessLog.record(file.id(), reader, CaseAccessLog.Channel.TASK_FORM, remoteAddress);
    Map<String, String> context = new LinkedHashMap<>();
    String commune = organisation.unit(file.communeCode()).map(AdministrativeUnit::displayName)
        .orElse(file.communeCode());
    int age = file.ageOn(EngineTime.today());
    context.put("case_header",
        "Hồ sơ " + file.caseNumber() + " · " + file.fullName() + " · " + age + " tuổi · " + commune);
    context.put("case_number", file.caseNumber());
    context.put("case_childName", file.fullName());
    context.put("case_age", age + " tuổi");
    context.put("case_dateOfBirth", VietnameseFormat.date(file.dateOfBirth()));
    context.put("case_sex", file.sex().label());
    context.put("case_commune", commune);
    context.put("case_condition", file.conditionGroup().label());
    Optional<StepCatalogue> catalogue = catalogues.of(
        repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey());
    for (Step shown : catalogue.map(c -> c.shownBy(task.getTaskDefinitionKey())).orElse(List.of())) {
      records.latest(file.id(), shown.id()).ifPresent(record -> putRecord(context, shown.shortName(), record));
    }
    Object leadKind = runtimeService.getVariable(task.getProcessInstanceId(), ChildPathway.VAR_LEAD_AGENCY_KIND);
    if (leadKind instanceof String kind) {
      context.put("case_leadAgency", organisation.responsibleAgency(kind, "STAFF", file.communeCode()).agencyName());
    }
    if (catalogue.flatMap(c -> c.step(task.getTaskDefinitionKey())).filter(Step::showsFund).isPresent()) {
      putFund(context, fundBooks.fundServing(file.communeCode()));
    }
    // what users typed (names, hospitals, findings, notes) is shown as text, never as markup
    context.replaceAll((name, value) -> FormText.escape(value));
    if (ChildPathway.TASK_COMPLETE_LISTING.equals(task.getTaskDefinitionKey())) {
      // input fields' values, which form-js shows as text already
      prefillListing(context, file, caseFiles.caregiver(file.id()));
    }
    return context;
  }

  private void putFund(Map<String, String> context, String fundId) {
    Balance balance = fundBooks.balance(fundId);
    context.put("case_fund_name", fundBooks.fund(fundId).map(Fund::name).orElse(fundId));
    context.put("case_fund_available", VietnameseFormat.money(balance.available()));
    context.put("case_fund_reserved", VietnameseFormat.money(balance.reserved()));
    context.put("case_fund_waiting", String.valueOf(fundBooks.requests(fundId, RequestStatus.WAITING).size()));
  }

  private void putRecord(Map<String, String> context, String prefix, StepRecord record) {
    record.data().forEach((field, value) -> context.put("case_" + prefix + "_" + field, display(field, value)));
    if (record.recordedBy() != null) {
      context.put("case_" + prefix + "_recordedBy", fullName(record.recordedBy()));
    }
    context.put("case_" + prefix + "_recordedAt",
        VietnameseFormat.date(LocalDate.ofInstant(record.recordedAt(), EngineTime.VIETNAM)));
  }

  private String display(String field, Object value) {
    if (value instanceof Number amount && catalogues.isAmount(field)) {
      return VietnameseFormat.money(amount.longValue());
    }
    if (value instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        return VietnameseFormat.date(LocalDate.parse(text));
      } catch (DateTimeParseException e) {
        return text;
      }
    }
    if ("eligible".equals(field) && value instanceof Boolean eligible) {
      return eligible ? "Đủ điều kiện" : "Không đủ điều kiện";
    }
    return labels.of(value);
  }

  private String fullName(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    return user == null ? userId : user.getFirstName() + " " + user.getLastName();
  }

  private static void prefillListing(Map<String, String> context, CaseFile file, Optional<Caregiver> caregiver) {
    context.put("record_fullName", file.fullName());
    context.put("record_dateOfBirth", VietnameseFormat.date(file.dateOfBirth()));
    context.put("record_sex", file.sex().name());
    context.put("record_ethnicity", file.ethnicity() == null ? "" : file.ethnicity());
    context.put("record_personalId", file.personalId() == null ? "" : file.personalId());
    context.put("record_address", file.address() == null ? "" : file.address());
    context.put("record_conditionGroup", file.conditionGroup().name());
    caregiver.ifPresent(c -> {
      context.put("record_caregiverName", c.fullName());
      context.put("record_caregiverRelation", c.relation().name());
      context.put("record_caregiverPhone", c.phone() == null ? "" : c.phone());
    });
  }
}
