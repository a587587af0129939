package vn.nangbuoc.pathway;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import vn.nangbuoc.input.InvalidInputException;

/**
 * A task takes only the fields of its form, and a start only those of the start form: whatever
 * else a caller sends (a note with a phone number, a routing variable) would stay in the engine's
 * runtime and history tables. Checked on every command that brings variables into the engine,
 * before it runs, whichever way it came (REST, Tasklist, the Java API), so a refusal stores
 * nothing. Every other command that carries variables or free text (set, patch, remove, a message,
 * a signal, a modification, a start at an activity, a comment, an attachment: see
 * {@link PersonsCommands}) is refused to any signed-in user: users change a case through its tasks;
 * the application's own code (timers, {@code EngineSystem}) runs without a user and is not concerned.
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
    if (signedIn()) {
      String refusal = PersonsCommands.refusal(command, this::storedTask);
      if (refusal != null) {
        throw new InvalidInputException(refusal);
      }
    }
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      String taskId = (String) Fields.of(command, "taskId");
      String variablesField = command instanceof CompleteTaskCmd ? "variables" : "properties";
      Map<?, ?> variables = (Map<?, ?>) Fields.of(command, variablesField);
      if (variables != null && !variables.isEmpty()) {
        requireDeclared(names(variables), taskFields(taskId), "Công việc này");
      }
    } else if (command instanceof SubmitStartFormCmd) {
      Map<?, ?> variables = (Map<?, ?>) Fields.of(command, "variables");
      if (variables != null && !variables.isEmpty()) {
        String processDefinitionId = (String) Fields.of(command, "processDefinitionId");
        requireDeclared(names(variables), startFields(processDefinitionId, null), "Lộ trình");
      }
    } else if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
      // a person's start at an activity is refused above; the application's own is checked here
      ProcessInstantiationBuilderImpl start =
          (ProcessInstantiationBuilderImpl) Fields.of(command, "instantiationBuilder");
      if (start.getVariables() != null && !start.getVariables().isEmpty()) {
        requireDeclared(names(start.getVariables()),
            startFields(start.getProcessDefinitionId(), start.getProcessDefinitionKey()), "Lộ trình");
      }
    }
  }

  private Task storedTask(String taskId) {
    return next.execute(context -> context.getTaskManager().findTaskById(taskId));
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
      String firstExtras = extra.stream().limit(5).map(DeclaredVariablesInterceptor::shown)
          .collect(Collectors.joining(", "));
      throw new InvalidInputException(what + " không nhận trường " + firstExtras
          + ": chỉ gửi các trường của biểu mẫu. Không có gì được lưu.");
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
}
