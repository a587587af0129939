package vn.nangbuoc.listing;

import java.util.Date;
import java.util.List;

/**
 * A case file as the API answers it, in this order of fields.
 *
 * @param programme the code of the programme the case enrols the child in, with {@code planYear} its plan's year
 */
record CaseSummary(long id, String caseNumber, String fullName, int age, String communeCode, String commune,
    String status, String closureOutcome, String processInstanceId, List<OpenTask> openTasks, String programme,
    int planYear) {

  /** A task of the child's pathway waiting for someone. */
  record OpenTask(String id, String key, String name, Date due) {
  }
}
