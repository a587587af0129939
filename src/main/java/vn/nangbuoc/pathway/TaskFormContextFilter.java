package vn.nangbuoc.pathway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.nangbuoc.engine.EngineSystem;

/**
 * Adds {@link TaskFormContext} to the answer of GET .../task/{id}/form-variables, the call with
 * which Tasklist fills a Camunda Form. The values exist only in that answer: nothing is written to
 * the engine. Only answers the engine already allowed (200) are touched: the user may read the task,
 * so the system may tell them about its child.
 */
class TaskFormContextFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(TaskFormContextFilter.class);

  private static final Pattern FORM_VARIABLES = Pattern.compile(".*/task/([^/]+)/form-variables$");

  private final TaskFormContext context;
  private final ObjectMapper json;
  private final EngineSystem system;
  private final IdentityService identityService;

  TaskFormContextFilter(TaskFormContext context, ObjectMapper json, EngineSystem system,
      IdentityService identityService) {
    this.context = context;
    this.json = json;
    this.system = system;
    this.identityService = identityService;
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
    return !"GET".equals(request.getMethod()) || !FORM_VARIABLES.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, captured);
    Matcher matcher = FORM_VARIABLES.matcher(request.getRequestURI());
    if (captured.getStatus() != HttpServletResponse.SC_OK || !matcher.matches()) {
      captured.copyBodyToResponse();
      return;
    }
    String reader = reader(request);
    if (reader == null) {
      // every read of a child's data is logged with its reader; without one, the form shows no child
      captured.copyBodyToResponse();
      return;
    }
    Map<String, String> display;
    try {
      display = system.call(() -> context.forTask(matcher.group(1), reader, request.getRemoteAddr()));
    } catch (RuntimeException e) {
      // the form still opens, without the child's summary; the message may hold a child's data
      log.warn("Form context of task {} unavailable: {}", matcher.group(1), e.getClass().getName());
      captured.copyBodyToResponse();
      return;
    }
    ObjectNode variables = (ObjectNode) json.readTree(captured.getContentAsByteArray());
    for (Map.Entry<String, String> value : display.entrySet()) {
      ObjectNode typed = variables.putObject(value.getKey());
      typed.put("type", "String");
      typed.put("value", value.getValue());
      typed.putObject("valueInfo");
    }
    byte[] body = json.writeValueAsBytes(variables);
    captured.resetBuffer();
    captured.getOutputStream().write(body);
    captured.copyBodyToResponse();
  }
}
