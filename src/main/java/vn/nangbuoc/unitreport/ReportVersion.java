package vn.nangbuoc.unitreport;

import java.time.Instant;
import java.util.List;
import vn.nangbuoc.indicators.UnitIndicators;

/**
 * One prepared version of a unit's report, frozen when the officer sent it: the figures as computed then, the
 * activities and the narrative; then who signed or returned it, and what the receiving office decided.
 */
record ReportVersion(long id, long reportId, int version, Activities activities, String difficulties,
    String correctionReason, Instant figuresComputedAt, String preparedBy, Instant preparedAt, VersionStatus status,
    String signedBy, Instant signedAt, String reviewedBy, Instant reviewedAt, String returnReason,
    List<UnitIndicators.Figure> figures) {

  /** What the unit did in the period that no case records: the numbers the plans set targets for. */
  record Activities(int communicationSessions, int trainings, int staffTrained, int caregiversTakingPart,
      int childrenTakingPart) {
  }
}
