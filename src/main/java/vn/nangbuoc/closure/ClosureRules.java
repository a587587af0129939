package vn.nangbuoc.closure;

import java.util.EnumSet;
import java.util.Set;
import vn.nangbuoc.pathway.ClosureOutcome;

/**
 * Which outcome a person may give a case at its closure. Reports count cases by their outcome, so
 * it must agree with what the case's records show; the outcomes that other steps record
 * themselves (not eligible, absent, no consent…) are never chosen by hand.
 */
final class ClosureRules {

  static final Set<ClosureOutcome> CHOSEN_AT_CLOSURE = EnumSet.of(ClosureOutcome.SURGERY_COMPLETED,
      ClosureOutcome.SERVICE_PROVIDED, ClosureOutcome.NO_INDICATION, ClosureOutcome.OTHER_CLOSURE);

  /** What the case's records show; each answer is looked up only for the outcome it concerns. */
  interface Evidence {

    boolean surgeryDone();

    boolean serviceArranged();

    /** The latest screening found nothing to treat. */
    boolean screenedWithoutIndication();
  }

  private ClosureRules() {
  }

  static boolean chosenAtClosure(ClosureOutcome outcome) {
    return CHOSEN_AT_CLOSURE.contains(outcome);
  }

  static boolean matchesRecords(ClosureOutcome outcome, Evidence records) {
    return switch (outcome) {
      case SURGERY_COMPLETED -> records.surgeryDone();
      case SERVICE_PROVIDED -> records.serviceArranged();
      case NO_INDICATION -> records.screenedWithoutIndication();
      default -> true;
    };
  }

  /** "Other" says nothing by itself: the note says why. */
  static boolean needsNote(ClosureOutcome outcome) {
    return outcome == ClosureOutcome.OTHER_CLOSURE;
  }
}
