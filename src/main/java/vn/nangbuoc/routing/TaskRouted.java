package vn.nangbuoc.routing;

import java.util.Date;

/**
 * A user task was handed to an agency's group (new, or re-routed after a move). Published in the
 * transaction that routes it, so what listens (notifications) commits or rolls back with it.
 */
public record TaskRouted(String taskId, String processInstanceId, String taskName, Date dueDate, String groupId,
    String agencyName) {
}
