package vn.nangbuoc.unitreport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.UnitTaskForms;
import vn.nangbuoc.routing.UnitSubject;
import vn.nangbuoc.routing.UnitSubjects;

/**
 * A report's tasks are about its unit: the unit's own agencies prepare and sign it, by the period's deadline for
 * the unit's level, and the agencies of the unit it reports to review it. Its forms show the report's content.
 */
@Component
class UnitReportSubjects implements UnitSubjects, UnitTaskForms {

  private final UnitReportRecords records;
  private final OrganisationDirectory organisation;
  private final UnitReportForms forms;

  UnitReportSubjects(UnitReportRecords records, OrganisationDirectory organisation, UnitReportForms forms) {
    this.records = records;
    this.organisation = organisation;
    this.forms = forms;
  }

  @Override
  public Optional<UnitSubject> of(String processInstanceId) {
    return records.byProcessInstance(processInstanceId).map(report -> new UnitSubject(report.businessKey(),
        unitName(report.unitCode()), report.unitCode(), report.receivingUnitCode() == null ? Map.of()
            : Map.of(UnitReport.TASK_REVIEW, report.receivingUnitCode()),
        report.deadline(), Set.of(UnitReport.TASK_PREPARE, UnitReport.TASK_SIGN_OFF)));
  }

  @Override
  public Optional<String> unitOf(String processInstanceId) {
    return records.byProcessInstance(processInstanceId).map(UnitReportRow::unitCode);
  }

  @Override
  public Map<String, String> valuesFor(Task task) {
    return records.byProcessInstance(task.getProcessInstanceId()).map(report -> forms.values(report,
        task.getTaskDefinitionKey())).orElse(new LinkedHashMap<>());
  }

  String unitName(String unitCode) {
    return organisation.unit(unitCode).map(unit -> unit.displayName()).orElse(unitCode);
  }
}
