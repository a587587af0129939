package vn.nangbuoc.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who is acting for requests authenticated by Spring Security, so that process
 * start, task completion and the user operation log carry the user (and the four-eyes rule sees them).
 * Built by {@link SecurityConfiguration} for the API chain only, never registered as a servlet filter.
 */
class EngineAuthenticationBridge extends OncePerRequestFilter {

  private static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identityService;

  EngineAuthenticationBridge(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user == null || !user.isAuthenticated()) {
      chain.doFilter(request, response);
      return;
    }
    List<String> groups = user.getAuthorities().stream()
        .map(a -> a.getAuthority())
        .filter(a -> a.startsWith(GROUP_PREFIX))
        .map(a -> a.substring(GROUP_PREFIX.length()))
        .toList();
    identityService.setAuthentication(user.getName(), groups);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
