package vn.nangbuoc.unitreport;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.system.EngineTime;

/**
 * A report's process starts with its report (opening the period wrote it, the business key names it): the two are
 * tied together, and the process learns the day preparation opens and whether a unit above receives the report,
 * all it needs.
 */
@Component("unitReportRequestedListener")
class UnitReportRequestedListener implements ExecutionListener {

  private final UnitReportRecords records;

  UnitReportRequestedListener(UnitReportRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateExecution execution) {
    UnitReportRow report = records.byKey(execution.getProcessBusinessKey()).orElseThrow(() ->
        new IllegalStateException("no unit report for the business key of " + execution.getProcessInstanceId()));
    records.attach(report.id(), execution.getProcessInstanceId());
    ReportPeriod period = records.period(report.periodCode()).orElseThrow();
    execution.setVariable(UnitReport.VAR_PREPARATION_OPENS, EngineTime.morningOf(period.preparationOpens()));
    execution.setVariable(UnitReport.VAR_HAS_RECEIVER, report.receivingUnitCode() != null);
  }
}
