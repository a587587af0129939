package vn.nangbuoc.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * A Vietnamese reason on the 401 of the webapps' login (Tasklist, Cockpit, Admin), which answers
 * without a body: how long to wait or that the account is locked, as on the product's own pages.
 */
class WebappLoginAnswers extends OncePerRequestFilter {

  static final String LOGIN = "/camunda/api/admin/auth/user/";
  private static final int FORM_LIMIT = 4096;

  private final LoginThrottle throttle;

  WebappLoginAnswers(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equals(request.getMethod()) || !path.startsWith(LOGIN) || !path.contains("/login/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // the webapp reads the form; what it read is kept here to find the user id afterwards
    ContentCachingRequestWrapper form = new ContentCachingRequestWrapper(request, FORM_LIMIT);
    chain.doFilter(form, new HttpServletResponseWrapper(response) {
      // the webapp answers 401 with sendError, which would hand the answer to the generic error page
      @Override
      public void sendError(int status) throws IOException {
        sendError(status, null);
      }

      @Override
      public void sendError(int status, String message) throws IOException {
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
          setStatus(status);
        } else {
          super.sendError(status, message);
        }
      }
    });
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED && !response.isCommitted()) {
      RefusedLogin.write(response, throttle.refusal(username(form.getContentAsString())));
    }
  }

  static String username(String form) {
    for (String pair : form.split("&")) {
      if (pair.startsWith("username=")) {
        return URLDecoder.decode(pair.substring("username=".length()), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
