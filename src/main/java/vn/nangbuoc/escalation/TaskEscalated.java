package vn.nangbuoc.escalation;

import java.util.Date;

/**
 * A task passed its due date (again): {@code round} counts the escalations of this task. Published
 * in the escalation's transaction.
 */
public record TaskEscalated(String taskId, String processInstanceId, String taskName, Date dueDate, int round,
    String agencyId, String agencyName) {
}
