package vn.nangbuoc.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.nangbuoc.input.ErrorAnswers;

/**
 * Security headers on every answer of /engine-rest, and a Vietnamese reason on its 401s. Runs
 * before Camunda's authentication filter, whose 401s end the request before Spring Security's
 * header writer would see it. The headers are set before the answer is written and kept if
 * something later tries to weaken them.
 */
class EngineRestAnswers extends OncePerRequestFilter {

  static final String CACHE_CONTROL = "no-store";
  static final String NOSNIFF = "nosniff";

  private final LoginThrottle throttle;

  EngineRestAnswers(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    SecureHeaders secured = new SecureHeaders(response);
    try {
      chain.doFilter(request, secured);
    } catch (RuntimeException | ServletException e) {
      // Camunda's authentication filter checks the password outside the REST resources' error mappers
      if (!ErrorAnswers.databaseAway(e) || secured.isCommitted()) {
        throw e;
      }
      secured.resetBuffer();
      RefusedLogin.databaseAway(secured);
      return;
    }
    if (secured.getStatus() == HttpServletResponse.SC_UNAUTHORIZED && !secured.isCommitted()
        && !secured.written()) {
      String user = RefusedLogin.basicUser(request);
      RefusedLogin.write(secured, user == null ? RefusedLogin.NO_CREDENTIALS : throttle.refusal(user));
    }
  }
}
