package vn.nangbuoc.pathway;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A user task of a case was completed through its form: which step, for whom it was due and when. Published in the
 * completing transaction (reports count the tasks done on time from it).
 *
 * @param dueDate null when the task had none
 * @param groupIds the groups the task was routed to
 */
public record TaskCompleted(long caseId, String step, String taskId, Date dueDate, Instant completedAt,
    List<String> groupIds) {
}
