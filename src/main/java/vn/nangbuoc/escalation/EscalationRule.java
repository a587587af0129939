package vn.nangbuoc.escalation;

import java.time.Instant;
import java.util.Date;

/**
 * When a task counts as overdue, how far each escalation raises it, and which round it is. An overdue
 * task jumps to a priority above every normal task (so it heads the task lists), then climbs a step
 * at every further round, up to the engine's usual maximum.
 */
final class EscalationRule {

  static final int ESCALATED_PRIORITY = 75;
  static final int PRIORITY_STEP = 10;
  static final int MAX_PRIORITY = 100;

  private EscalationRule() {
  }

  /** Due strictly before now, as the engine's task query {@code dueBefore} reads it; no due date, never. */
  static boolean isOverdue(Date dueDate, Instant now) {
    return dueDate != null && dueDate.toInstant().isBefore(now);
  }

  /** The priority an escalation gives a task that has this one now. */
  static int raisedPriority(int priority) {
    return priority < ESCALATED_PRIORITY ? ESCALATED_PRIORITY : Math.min(MAX_PRIORITY, priority + PRIORITY_STEP);
  }

  /** The round of this escalation, after the task's earlier ones: the first is round 1. */
  static int round(int earlierEscalations) {
    return earlierEscalations + 1;
  }
}
