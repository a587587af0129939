package vn.nangbuoc.migration;

import java.util.List;

/**
 * What migrating the running pathways of one version to the newest would do, before anything changes: per step,
 * how many pathways wait there and where they go; which pathways cannot be migrated and why. Texts in Vietnamese.
 *
 * @param refusedListed the refused pathways listed (the first {@link PathwayMigrations#REFUSALS_LISTED})
 */
record MigrationPreview(int fromVersion, int toVersion, String summary, int running, int migratable, int refused,
    List<Step> steps, List<String> planProblems, List<Refusal> refusedListed) {

  /** A step where pathways of the old version wait. */
  record Step(String activityId, String name, int waiting, boolean mapped, String targetActivityId,
      String description) {
  }

  /** A pathway that would stay on the old version, with the engine's reasons in Vietnamese. */
  record Refusal(String processInstanceId, List<String> reasons) {
  }
}
