package vn.nangbuoc.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

/**
 * Camunda's container-based authentication of the webapps: their authentication (user, groups, the apps they
 * may open) taken from the user Spring Security signed in. Camunda's filter fills it in on a request that names
 * the engine in an app's page or the engine API; this one also on the webapps' question who is signed in
 * ({@code GET /camunda/api/admin/auth/user/{engine}}), so that the answer never depends on which request
 * came first.
 */
class WebappAuthentication extends ContainerBasedAuthenticationFilter {

  private static final Pattern WHO_IS_SIGNED_IN = Pattern.compile("/api/admin/auth/user/([^/]+)");

  @Override
  protected String extractEngineName(HttpServletRequest request) {
    Matcher who = WHO_IS_SIGNED_IN.matcher(getRequestUri(request));
    if ("GET".equals(request.getMethod()) && who.matches()) {
      return who.group(1);
    }
    return super.extractEngineName(request);
  }
}
