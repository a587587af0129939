package vn.nangbuoc.pathway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.system.EngineSystem;

/**
 * Adds {@link TaskFormContext} to the answer of GET .../task/{id}/form-variables, the call with
 * which Tasklist fills a Camunda Form. The values exist only in that answer: nothing is written to
 * the engine.
 *
 * <p>Reading a task is not working on it: administrators and auditors may read tasks, but the
 * child's name, findings and identity are for the groups the task is routed to (as
 * {@link TaskSubmission#requireResponsibleActor()} decides). Everyone else gets the engine's own
 * answer, and from it, on every channel that hands out a task's or a start form's variables (the
 * engine REST API, Tasklist's own API), no {@code record_*} value.
 */
class TaskFormContextFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(TaskFormContextFilter.class);

  private static final Pattern FORM_VARIABLES = Pattern.compile(".*/task/([^/]+)/form-variables$");
  /** Other answers that carry a task's variables: whole lists, or one variable by name. */
  private static final Pattern TASK_VARIABLES =
      Pattern.compile(".*/task/([^/]+)/(?:variables|localVariables)(?:/([^/]+)(?:/data)?)?$");
  /** Start forms (by id, key, key and tenant): no task, so nobody's values but the engine's defaults. */
  private static final Pattern START_FORM_VARIABLES = Pattern.compile(".*/process-definition/.+/form-variables$");
  static final String RECORD_PREFIX = "record_";

  private final TaskFormContext context;
  private final ObjectMapper json;
  private final EngineSystem system;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final TaskWorkers workers;
  private final CaseFileService caseFiles;
  private final List<UnitTaskForms> unitForms;

  TaskFormContextFilter(TaskFormContext context, ObjectMapper json, EngineSystem system,
      IdentityService identityService, TaskService taskService, TaskWorkers workers, CaseFileService caseFiles,
      List<UnitTaskForms> unitForms) {
    this.unitForms = unitForms;
    this.context = context;
    this.json = json;
    this.system = system;
    this.identityService = identityService;
    this.taskService = taskService;
    this.workers = workers;
    this.caseFiles = caseFiles;
  }

  /**
   * Who asked: on /engine-rest the engine's authentication filter runs around this one; Tasklist's
   * own API keeps its login in the session.
   */
  private String reader(HttpServletRequest request) {
    Authentication user = identityService.getCurrentAuthentication();
    if (user != null) {
      return user.getUserId();
    }
    Authentications webapp = request.getSession(false) == null ? null
        : AuthenticationUtil.getAuthsFromSession(request.getSession(false));
    return webapp == null || webapp.getAuthentications().isEmpty() ? null
        : webapp.getAuthentications().get(0).getName();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return !"GET".equals(request.getMethod()) || !(FORM_VARIABLES.matcher(uri).matches()
        || TASK_VARIABLES.matcher(uri).matches() || START_FORM_VARIABLES.matcher(uri).matches());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI();
    Matcher single = TASK_VARIABLES.matcher(uri);
    if (single.matches() && single.group(2) != null) {
      if (single.group(2).startsWith(RECORD_PREFIX) && !mayWork(single.group(1), reader(request))) {
        // as if it did not exist: the name alone says nothing, its value is the child's
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, captured);
    if (captured.getStatus() != HttpServletResponse.SC_OK) {
      captured.copyBodyToResponse();
      return;
    }
    JsonNode answer = json.readTree(captured.getContentAsByteArray());
    if (!(answer instanceof ObjectNode variables)) {
      captured.copyBodyToResponse();
      return;
    }
    Matcher form = FORM_VARIABLES.matcher(uri);
    String taskId = form.matches() ? form.group(1) : single.matches() ? single.group(1) : null;
    String reader = reader(request);
    if (taskId == null || !mayWork(taskId, reader)) {
      variables.properties().removeIf(entry -> entry.getKey().startsWith(RECORD_PREFIX));
    } else if (form.matches()) {
      addContext(variables, taskId, reader, request.getRemoteAddr());
    }
    byte[] body = json.writeValueAsBytes(variables);
    captured.resetBuffer();
    captured.getOutputStream().write(body);
    captured.copyBodyToResponse();
  }

  private void addContext(ObjectNode variables, String taskId, String reader, String remoteAddress) {
    Map<String, String> display;
    try {
      display = system.call(() -> context.forTask(taskId, reader, remoteAddress));
    } catch (RuntimeException e) {
      // the form still opens, without the child's summary; the message may hold a child's data
      log.warn("Form context of task {} unavailable: {}", taskId, e.getClass().getName());
      return;
    }
    for (Map.Entry<String, String> value : display.entrySet()) {
      ObjectNode typed = variables.putObject(value.getKey());
      typed.put("type", "String");
      typed.put("value", value.getValue());
      typed.putObject("valueInfo");
    }
  }

  /**
   * Whether the reader is in the group routing chose for the task: the same rule as for
   * completing it. Without a known reader (every read of a child's data is logged with its
   * reader) nobody may.
   */
  private boolean mayWork(String taskId, String reader) {
    if (reader == null) {
      return false;
    }
    return system.call(() -> {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null || task.getProcessInstanceId() == null) {
        return false;
      }
      String unit = caseFiles.findByProcessInstance(task.getProcessInstanceId()).map(CaseFile::communeCode)
          .or(() -> unitForms.stream().map(forms -> forms.unitOf(task.getProcessInstanceId()))
              .flatMap(Optional::stream).findFirst())
          .orElse(null);
      return unit != null && workers.mayWork(reader, taskId, unit);
    });
  }
}
