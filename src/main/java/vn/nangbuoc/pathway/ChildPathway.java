package vn.nangbuoc.pathway;

import java.util.List;

/**
 * Names shared between bpmn/child-pathway.bpmn, its forms and the Java side: the process key,
 * the variables that routing and gateways need, and the messages it receives. Nothing else about
 * the child is a process variable.
 */
public final class ChildPathway {

  public static final String PROCESS_KEY = "child-pathway";

  public static final String TASK_REVIEW_LISTING = "Task_ReviewListing";
  public static final String TASK_COMPLETE_LISTING = "Task_CompleteListing";
  public static final String TASK_RECORD_SCREENING = "Task_RecordScreening";
  public static final String TASK_PREPARE_REFERRAL = "Task_PrepareReferral";
  public static final String TASK_COUNSEL_FAMILY = "Task_CounselFamily";
  public static final String TASK_APPROVE_FUNDING = "Task_ApproveFunding";
  public static final String TASK_RECORD_DISBURSEMENT = "Task_RecordDisbursement";
  public static final String TASK_SEEK_OTHER_FUNDING = "Task_SeekOtherFunding";
  public static final String TASK_RECORD_SURGERY_RESULT = "Task_RecordSurgeryResult";
  public static final String TASK_ARRANGE_SERVICE = "Task_ArrangeService";
  public static final String TASK_FOLLOW_UP_VISIT = "Task_FollowUpVisit";
  public static final String TASK_CLOSE_CASE = "Task_CloseCase";
  public static final String TASK_CHECK_ELIGIBILITY = "Task_CheckEligibility";
  public static final String TASK_SETTLE_COSTS = "Task_SettleCosts";
  public static final String TASK_APPROVE_TOP_UP = "Task_ApproveTopUp";

  /** The pathway's user tasks in the order a child meets them: the steps a case list filters by. */
  public static final List<String> USER_TASKS = ChildPathwaySteps.CATALOGUE.userTasks();

  /**
   * Id of the case_file row, for people reading the process in Cockpit; the business key is its case
   * number. Code never trusts it: a pathway's case is the one whose process_instance_id it is.
   */
  public static final String VAR_CASE_ID = "caseId";
  public static final String VAR_LISTING_DECISION = "listingDecision";
  public static final String VAR_INDICATION = "indication";
  public static final String VAR_ABSENCE_LIMIT_REACHED = "absenceLimitReached";
  public static final String VAR_FAMILY_CONSENT = "familyConsent";
  public static final String VAR_COUNSELLING_OUTCOME = "counsellingOutcome";
  public static final String VAR_FUNDING_DECISION = "fundingDecision";
  /** The child protection fund pays this surgery (approved at once or after waiting in line). */
  public static final String VAR_PAID_BY_FUND = "paidByFund";
  public static final String VAR_TOP_UP_NEEDED = "topUpNeeded";
  public static final String VAR_TOP_UP_DECISION = "topUpDecision";
  public static final String VAR_OTHER_FUNDING_FOUND = "otherFundingFound";
  public static final String VAR_SURGERY_STATUS = "surgeryStatus";
  public static final String VAR_POSTPONED_UNTIL = "postponedUntil";
  public static final String VAR_FOLLOW_UP_FROM = "followUpFrom";
  public static final String VAR_MORE_FOLLOW_UPS = "moreFollowUps";
  /**
   * The duty whose agency leads the service arranged (service-lead-agency); an agency kind in pathways
   * started before duties existed. The name stays for those running pathways.
   */
  public static final String VAR_LEAD_AGENCY_KIND = "leadAgencyKind";
  public static final String VAR_CLOSURE_OUTCOME = "closureOutcome";
  /** Local to a user task's scope: its due date, computed once for the task and its escalation timer. */
  public static final String VAR_TASK_DUE_DATE = "taskDueDate";

  public static final String MSG_FAMILY_WITHDREW = "familyWithdrew";
  public static final String MSG_CHILD_MOVED = "childMoved";
  /** A receipt let a request that waited in line get its money reserved. */
  public static final String MSG_FUNDS_RESERVED = "fundsReserved";

  public static final String DECISION_TASK_ROUTING = "task-routing";
  public static final String DECISION_SURGERY_ELIGIBILITY = "surgery-eligibility";
  public static final String DECISION_SERVICE_LEAD_AGENCY = "service-lead-agency";

  private ChildPathway() {
  }
}
