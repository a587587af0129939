package vn.nangbuoc.unitreport;

import java.util.Set;
import org.springframework.stereotype.Component;
import vn.nangbuoc.routing.MayNotDecide;

/** Whoever prepared a report does not sign it off: routing passes over his groups for the sign-off. */
@Component
class UnitReportFourEyes implements MayNotDecide {

  private final UnitReportRecords records;

  UnitReportFourEyes(UnitReportRecords records) {
    this.records = records;
  }

  @Override
  public Set<String> usersFor(String taskKey, String processInstanceId) {
    if (!UnitReport.TASK_SIGN_OFF.equals(taskKey)) {
      return Set.of();
    }
    return records.byProcessInstance(processInstanceId).flatMap(report -> records.latestVersion(report.id()))
        .map(version -> Set.of(version.preparedBy())).orElse(Set.of());
  }
}
