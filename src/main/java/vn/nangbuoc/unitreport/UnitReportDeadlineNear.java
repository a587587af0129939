package vn.nangbuoc.unitreport;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit's report is not sent yet and its deadline is {@code daysBefore} days away (one of the configured reminder
 * days, nangbuoc.unit-report.reminder-days): whoever the report waits for hears it once for that day. Figures and
 * units only; no child.
 *
 * @param daysLeft the days left until the deadline (fewer than {@code daysBefore} after a missed run)
 * @param taskId the report's open task (to prepare or to sign it), null before preparation opens
 * @param assignee who holds that task, if anyone: then only he is reminded
 * @param groupIds the groups the task went to, or before preparation the unit's reporting staff
 */
public record UnitReportDeadlineNear(String reportKey, String periodCode, String periodName, String unitName,
    LocalDate deadline, int daysBefore, int daysLeft, String stateLabel, String taskId, String assignee,
    List<String> groupIds) {

  public UnitReportDeadlineNear {
    groupIds = List.copyOf(groupIds);
  }

  /** The reminder's page when there is no task yet: the report itself. */
  public String reportPath() {
    return "/bao-cao-dinh-ky/bao-cao/" + reportKey;
  }
}
