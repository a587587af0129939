package vn.nangbuoc.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A logout in Tasklist, Cockpit or Admin ends the one session, not only the webapp's part of it: otherwise the
 * next request would sign the webapp in again from the session. The webapp's own logout runs first, behind its
 * CSRF filter, so that a forged request logs nobody out.
 */
class WebappLogout extends OncePerRequestFilter {

  static final RequestMatcher WEBAPP_LOGIN =
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/*");
  private static final RequestMatcher WEBAPP_LOGOUT =
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !WEBAPP_LOGOUT.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    if (response.getStatus() < HttpServletResponse.SC_BAD_REQUEST) {
      new SecurityContextLogoutHandler().logout(request, response,
          SecurityContextHolder.getContext().getAuthentication());
    }
  }
}
