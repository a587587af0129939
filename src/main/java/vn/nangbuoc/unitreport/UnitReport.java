package vn.nangbuoc.unitreport;

/**
 * Names shared between bpmn/unit-report.bpmn, its forms and the Java side. A unit's report holds figures and
 * what its officers write about the unit's work: no child is named in it, and the engine holds only the
 * decisions its gateways read and the day preparation opens.
 */
public final class UnitReport {

  public static final String PROCESS_KEY = "unit-report";

  public static final String TASK_PREPARE = "Task_PrepareUnitReport";
  public static final String TASK_SIGN_OFF = "Task_SignOffUnitReport";
  public static final String TASK_REVIEW = "Task_ReviewUnitReport";

  /** When the unit's officer gets the task: the period's day preparation opens. */
  public static final String VAR_PREPARATION_OPENS = "preparationOpens";
  /** Whether a unit above receives the report; the report of the period's unit (its top) goes to nobody. */
  public static final String VAR_HAS_RECEIVER = "hasReceiver";
  public static final String VAR_SIGN_OFF_DECISION = "signOffDecision";
  public static final String VAR_REVIEW_DECISION = "reviewDecision";

  private UnitReport() {
  }
}
