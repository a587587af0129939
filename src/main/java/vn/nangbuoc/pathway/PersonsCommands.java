package vn.nangbuoc.pathway;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.ConditionEvaluationBuilderImpl;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.RestartProcessInstanceBuilderImpl;
import org.camunda.bpm.engine.impl.SetAnnotationForOperationLog;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateMigrationPlanCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CaseExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CreateCaseInstanceCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.EvaluateDecisionTableCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.migration.MigrationPlanBuilderImpl;
import org.camunda.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * What a signed-in person may not do with the engine's commands, besides the task and start forms
 * checked by {@link DeclaredVariablesInterceptor}: every other way in which a command carries
 * variables or free text into the runtime and history tables skips the forms' checks (declared
 * fields, length limits, no markup, no personal data outside the case file). The list follows the
 * engine's command classes (Camunda 7.24, {@code org.camunda.bpm.engine.impl.cmd} and friends) that
 * hold variables, a comment, an attachment, a task's text, an incident message or an annotation.
 * Delete reasons are not refused: the application's own erasure and merge write fixed ones.
 *
 * <p>A pathway starts only at its start event, through its start form: a start at another activity
 * (start instructions, with or without variables) skips the intake, the case file it belongs to and
 * the routing, and could end at once with whatever it carried in history. Moving tokens of a running
 * instance, restarting or migrating it without variables stays with the administrators (repair).
 */
final class PersonsCommands {

  static final String DIRECT_VARIABLES = "Không được ghi trực tiếp dữ liệu của quy trình: hãy nhập qua biểu mẫu"
      + " của công việc.";
  static final String START_ELSEWHERE = "Lộ trình chỉ bắt đầu từ biểu mẫu tiếp nhận, không bắt đầu giữa chừng"
      + " hay theo điều kiện. Không có gì được lưu.";
  static final String COMMENT_OR_ATTACHMENT = "Không được thêm ghi chú hay tệp đính kèm vào công việc hoặc quy"
      + " trình: hãy nhập qua biểu mẫu của công việc, và tải tài liệu lên trang hồ sơ. Không có gì được lưu.";
  static final String TASK_TEXT = "Không được đổi tên, mô tả của công việc hay tạo công việc riêng: công việc do"
      + " lộ trình tạo ra. Không có gì được lưu.";
  static final String FREE_TEXT = "Không được ghi chú thích hay thông báo tự do vào quy trình: chúng không qua kiểm"
      + " tra nào. Không có gì được lưu.";
  static final String TASK_END = "Công việc chỉ kết thúc qua biểu mẫu của nó. Không có gì được lưu.";

  private PersonsCommands() {
  }

  /**
   * @param storedTask reads a task as stored, by id (null if there is none)
   * @return the reason a signed-in person may not run this command, or null
   */
  static String refusal(Command<?> command, Function<String, Task> storedTask) {
    if (command instanceof StartProcessInstanceAtActivitiesCmd || command instanceof EvaluateStartConditionCmd) {
      return START_ELSEWHERE;
    }
    if (command instanceof AddCommentCmd || command instanceof UpdateCommentCmd
        || command instanceof CreateAttachmentCmd || command instanceof SaveAttachmentCmd) {
      return COMMENT_OR_ATTACHMENT;
    }
    if (hasText(command)) {
      return FREE_TEXT;
    }
    if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
      return TASK_END;
    }
    if (command instanceof SaveTaskCmd) {
      TaskEntity task = (TaskEntity) Fields.of(command, "task");
      Task stored = task.getId() == null ? null : storedTask.apply(task.getId());
      boolean same = stored != null && Objects.equals(stored.getName(), task.getName())
          && Objects.equals(stored.getDescription(), task.getDescription());
      return same ? null : TASK_TEXT;
    }
    return writesVariables(command) ? DIRECT_VARIABLES : null;
  }

  /** Incident messages and annotations land in history as they were typed (user operation log, incidents). */
  private static boolean hasText(Command<?> command) {
    if (command instanceof CreateIncidentCmd) {
      return notBlank(Fields.of(command, "message"));
    }
    if (command instanceof SetAnnotationForIncidentCmd || command instanceof SetAnnotationForOperationLog) {
      return notBlank(Fields.of(command, "annotation"));
    }
    if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd) {
      return notBlank(((ProcessInstanceModificationBuilderImpl) Fields.of(command, "builder")).getAnnotation());
    }
    if (command instanceof AbstractModificationCmd) {
      return notBlank(((ModificationBuilderImpl) Fields.of(command, "builder")).getAnnotation());
    }
    return false;
  }

  private static boolean notBlank(Object text) {
    return text != null && !String.valueOf(text).isBlank();
  }

  private static boolean writesVariables(Command<?> command) {
    if (command instanceof AbstractSetVariableCmd || command instanceof AbstractRemoveVariableCmd
        || command instanceof SetVariablesToProcessInstancesBatchCmd) {
      return true;
    }
    if (command instanceof AbstractPatchVariablesCmd) {
      return any(command, "variables") || !isEmpty((Collection<?>) Fields.of(command, "deletions"));
    }
    if (command instanceof AbstractCorrelateMessageCmd) {
      MessageCorrelationBuilderImpl message = (MessageCorrelationBuilderImpl) Fields.of(command, "builder");
      return !isEmpty(message.getPayloadProcessInstanceVariables())
          || !isEmpty(message.getPayloadProcessInstanceVariablesLocal())
          || !isEmpty(message.getPayloadProcessInstanceVariablesToTriggeredScope());
    }
    if (command instanceof MessageEventReceivedCmd) {
      return any(command, "processVariables", "processVariablesLocal", "processVariablesToTriggeredScope");
    }
    if (command instanceof SignalEventReceivedCmd) {
      return !isEmpty(((SignalEventReceivedBuilderImpl) Fields.of(command, "builder")).getVariables());
    }
    if (command instanceof SignalCmd) {
      return any(command, "processVariables");
    }
    if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd) {
      ProcessInstanceModificationBuilderImpl modification =
          (ProcessInstanceModificationBuilderImpl) Fields.of(command, "builder");
      return !isEmpty(modification.getProcessVariables()) || carryVariables(modification.getModificationOperations());
    }
    if (command instanceof AbstractModificationCmd) {
      return carryVariables(((ModificationBuilderImpl) Fields.of(command, "builder")).getInstructions());
    }
    if (command instanceof AbstractRestartProcessInstanceCmd) {
      return carryVariables(((RestartProcessInstanceBuilderImpl) Fields.of(command, "builder")).getInstructions());
    }
    if (command instanceof CreateMigrationPlanCmd) {
      return !isEmpty(((MigrationPlanBuilderImpl) Fields.of(command, "migrationBuilder")).getVariables());
    }
    if (command instanceof AbstractMigrationCmd) {
      MigrationPlanExecutionBuilderImpl migration = (MigrationPlanExecutionBuilderImpl) Fields.of(command,
          "executionBuilder");
      return migration.getMigrationPlan() != null && !isEmpty(migration.getMigrationPlan().getVariables());
    }
    if (command instanceof CorrelateAllMessageBatchCmd || command instanceof HandleExternalTaskBpmnErrorCmd
        || command instanceof EvaluateDecisionCmd || command instanceof EvaluateDecisionTableCmd
        || command instanceof CreateCaseInstanceCmd) {
      return any(command, "variables");
    }
    if (command instanceof CompleteExternalTaskCmd || command instanceof HandleExternalTaskFailureCmd) {
      return any(command, "variables", "localVariables");
    }
    if (command instanceof CaseExecutionVariableCmd) {
      return any(command, "variables", "variablesLocal");
    }
    return false;
  }

  private static boolean carryVariables(List<AbstractProcessInstanceModificationCommand> instructions) {
    for (AbstractProcessInstanceModificationCommand instruction : instructions) {
      if (instruction instanceof AbstractInstantiationCmd instantiation
          && (!isEmpty(instantiation.getVariables()) || !isEmpty(instantiation.getVariablesLocal()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean any(Command<?> command, String... mapFields) {
    for (String name : mapFields) {
      if (!isEmpty((Map<?, ?>) Fields.of(command, name))) {
        return true;
      }
    }
    return false;
  }

  static boolean isEmpty(Map<?, ?> map) {
    return map == null || map.isEmpty();
  }

  static boolean isEmpty(Collection<?> collection) {
    return collection == null || collection.isEmpty();
  }
}
