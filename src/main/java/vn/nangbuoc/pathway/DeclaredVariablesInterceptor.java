package vn.nangbuoc.pathway;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import vn.nangbuoc.input.InvalidInputException;

/**
 * A task takes only the fields of its form, and a start only those of the start form: whatever
 * else a caller sends (a note with a phone number, a routing variable) would stay in the engine's
 * runtime and history tables. Checked on every command that brings variables into the engine,
 * before it runs, whichever way it came (REST, Tasklist, the Java API), so a refusal stores
 * nothing. Writing variables directly (set, patch, remove, through a message or a signal) is
 * refused to any signed-in user: users change a case through its tasks; the application's own
 * code (timers, {@code EngineSystem}) runs without a user and is not concerned.
 *
 * <p>Commands run from inside another command (a listener calling a service) are the
 * application's own work and pass.
 */
class DeclaredVariablesInterceptor extends CommandInterceptor {

  /** Besides its start form, a pathway is started by the application with the case it belongs to. */
  private static final Set<String> START_EXTRAS = Set.of(ChildPathway.VAR_CASE_ID);

  private final DeclaredFields declared = new DeclaredFields();
  /** The engine's identity service exists only once the engine is built, after this is installed. */
  private final Supplier<IdentityService> identity;

  DeclaredVariablesInterceptor(Supplier<IdentityService> identity) {
    this.identity = identity;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() == null) {
      check(command);
    }
    return next.execute(command);
  }

  private void check(Command<?> command) {
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      String taskId = (String) field(command, "taskId");
      Map<?, ?> variables = (Map<?, ?>) field(command, command instanceof CompleteTaskCmd ? "variables" : "properties");
      if (variables != null && !variables.isEmpty()) {
        requireDeclared(names(variables), taskFields(taskId), "Công việc này");
      }
    } else if (command instanceof SubmitStartFormCmd) {
      Map<?, ?> variables = (Map<?, ?>) field(command, "variables");
      if (variables != null && !variables.isEmpty()) {
        requireDeclared(names(variables), startFields((String) field(command, "processDefinitionId"), null), "Lộ trình");
      }
    } else if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
      ProcessInstantiationBuilderImpl start = (ProcessInstantiationBuilderImpl) field(command, "instantiationBuilder");
      if (start.getVariables() != null && !start.getVariables().isEmpty()) {
        requireDeclared(names(start.getVariables()),
            startFields(start.getProcessDefinitionId(), start.getProcessDefinitionKey()), "Lộ trình");
      }
    } else if (signedIn() && writesVariables(command)) {
      throw new InvalidInputException("Không được ghi trực tiếp dữ liệu của quy trình: hãy nhập qua biểu mẫu"
          + " của công việc.");
    }
  }

  private boolean writesVariables(Command<?> command) {
    if (command instanceof AbstractSetVariableCmd || command instanceof AbstractRemoveVariableCmd
        || command instanceof SetVariablesToProcessInstancesBatchCmd) {
      return true;
    }
    if (command instanceof AbstractPatchVariablesCmd) {
      return !isEmpty((Map<?, ?>) field(command, "variables")) || !isEmpty((Collection<?>) field(command, "deletions"));
    }
    if (command instanceof AbstractCorrelateMessageCmd) {
      MessageCorrelationBuilderImpl message = (MessageCorrelationBuilderImpl) field(command, "builder");
      return !isEmpty(message.getPayloadProcessInstanceVariables())
          || !isEmpty(message.getPayloadProcessInstanceVariablesLocal())
          || !isEmpty(message.getPayloadProcessInstanceVariablesToTriggeredScope());
    }
    if (command instanceof SignalEventReceivedCmd) {
      return !isEmpty(((SignalEventReceivedBuilderImpl) field(command, "builder")).getVariables());
    }
    if (command instanceof SignalCmd) {
      return !isEmpty((Map<?, ?>) field(command, "processVariables"));
    }
    return false;
  }

  private boolean signedIn() {
    return identity.get().getCurrentAuthentication() != null;
  }

  private Set<String> taskFields(String taskId) {
    return next.execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return null; // the engine answers that there is no such task
      }
      return task.getProcessDefinitionId() == null ? Set.<String>of()
          : declared.of(context, task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    });
  }

  private Set<String> startFields(String processDefinitionId, String processDefinitionKey) {
    return next.execute(context -> {
      String id = processDefinitionId;
      if (id == null && processDefinitionKey != null) {
        ProcessDefinitionEntity latest = context.getProcessEngineConfiguration().getDeploymentCache()
            .findDeployedLatestProcessDefinitionByKey(processDefinitionKey);
        id = latest == null ? null : latest.getId();
      }
      if (id == null) {
        return null;
      }
      Set<String> fields = new HashSet<>(declared.of(context, id, null));
      fields.addAll(START_EXTRAS);
      return fields;
    });
  }

  private static void requireDeclared(Set<String> names, Set<String> declaredFields, String what) {
    if (declaredFields == null) {
      return;
    }
    Set<String> extra = new TreeSet<>(names);
    extra.removeAll(declaredFields);
    if (!extra.isEmpty()) {
      throw new InvalidInputException(what + " không nhận trường " + extra.stream().limit(5).map(DeclaredVariablesInterceptor::shown)
          .collect(Collectors.joining(", ")) + ": chỉ gửi các trường của biểu mẫu. Không có gì được lưu.");
    }
  }

  /** A name as the user may see it: letters, digits and underscores only, and short. */
  private static String shown(String name) {
    String plain = name.replaceAll("[^\\p{L}\\p{N}_]", "");
    return "\"" + (plain.length() > 40 ? plain.substring(0, 40) + "…" : plain) + "\"";
  }

  private static Set<String> names(Map<?, ?> variables) {
    return variables.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
  }

  private static boolean isEmpty(Map<?, ?> map) {
    return map == null || map.isEmpty();
  }

  private static boolean isEmpty(Collection<?> collection) {
    return collection == null || collection.isEmpty();
  }

  /** The engine's commands keep what they were given in protected fields, with no getters. */
  private static Object field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException e) {
        // declared higher up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
      }
    }
    throw new IllegalStateException("No field " + name + " in " + command.getClass().getName());
  }
}
