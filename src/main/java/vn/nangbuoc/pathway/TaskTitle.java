package vn.nangbuoc.pathway;

/**
 * The name a pathway task carries in every task list: its step, then which child it is about — case
 * number, initials, commune — so that two reviews in one list differ and a caseworker finds a child's task
 * by searching the list. Initials only: the engine's tables and history hold no child's name.
 */
public final class TaskTitle {

  static final String SEPARATOR = " · ";

  private TaskTitle() {
  }

  public static String of(String step, String caseNumber, String initials, String commune) {
    return step(step) + SEPARATOR + caseNumber + SEPARATOR + initials + SEPARATOR + commune;
  }

  /** A task about a unit, not a child (a unit's report): its step, the report's reference and the unit. */
  public static String of(String step, String reference, String unit) {
    return step(step) + SEPARATOR + reference + SEPARATOR + unit;
  }

  /** The step a task's name starts with: the name itself for a task named before titles existed. */
  public static String step(String name) {
    if (name == null) {
      return null;
    }
    int end = name.indexOf(SEPARATOR);
    return end < 0 ? name : name.substring(0, end);
  }
}
