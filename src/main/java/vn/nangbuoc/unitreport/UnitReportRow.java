package vn.nangbuoc.unitreport;

import java.time.Instant;
import java.time.LocalDate;

/** One unit's report of a period, and the unit that receives it. */
record UnitReportRow(long id, String periodCode, String unitCode, String receivingUnitCode, LocalDate deadline,
    String businessKey, String processInstanceId, ReportState state, Instant submittedAt, Instant acceptedAt) {

  /** Not sent by the end of its deadline. */
  boolean isLate(LocalDate today) {
    return !state.isSent() && today.isAfter(deadline);
  }
}
