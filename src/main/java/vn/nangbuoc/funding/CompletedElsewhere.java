package vn.nangbuoc.funding;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.nangbuoc.security.RoutedGroups;
import vn.nangbuoc.system.EngineSystem;
import vn.nangbuoc.system.EngineTime;

/**
 * Why a decision in a batch found no task: in a group of approvers, a colleague often decided the same
 * request a moment earlier. Said only to members of the group routing chose for the task, who could see it.
 */
@Component
class CompletedElsewhere {

  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

  private final HistoryService history;
  private final IdentityService identity;
  private final EngineSystem system;
  private final RoutedGroups routedGroups;

  CompletedElsewhere(HistoryService history, IdentityService identity, EngineSystem system,
      RoutedGroups routedGroups) {
    this.routedGroups = routedGroups;
    this.history = history;
    this.identity = identity;
    this.system = system;
  }

  Optional<String> explain(String taskId, String userId) {
    return system.call(() -> {
      HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
      if (task == null || !routedTo(taskId, userId)) {
        return Optional.empty();
      }
      String completedBy = completedBy(task);
      String who = userId.equals(completedBy) ? "bạn" : nameOf(completedBy);
      String when = LocalDateTime.ofInstant(task.getEndTime().toInstant(), EngineTime.VIETNAM).format(AT);
      return Optional.of("Công việc này đã được " + who + " hoàn thành lúc " + when + ", không cần quyết định nữa.");
    });
  }

  /** Completing an unclaimed task leaves no assignee: the operation log says who completed it. */
  private String completedBy(HistoricTaskInstance task) {
    return history.createUserOperationLogQuery().taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
        .map(UserOperationLogEntry::getUserId).filter(user -> user != null).findFirst().orElse(task.getAssignee());
  }

  /** The group routing chose, not the task's candidate links: one added by hand hears nothing of the task. */
  private boolean routedTo(String taskId, String userId) {
    return routedGroups.isRoutedTo(userId, taskId);
  }

  private String nameOf(String userId) {
    User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
    return user == null ? "người khác" : user.getFirstName() + " " + user.getLastName();
  }
}
