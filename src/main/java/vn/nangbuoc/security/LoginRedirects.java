package vn.nangbuoc.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Where the one login leads: back to the place that asked for it. A webapp page opened without a session is
 * remembered by the server (the saved request); a webapp already open whose session ended sends its address
 * along ({@code continue}, see one-login.js), since the part after # never reaches the server. Else the home
 * page. A refused password keeps the address for the next try.
 */
final class LoginRedirects {

  private LoginRedirects() {
  }

  static AuthenticationSuccessHandler success(String home) {
    SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
    saved.setDefaultTargetUrl(home);
    return (request, response, authentication) -> {
      Optional<String> asked = LoginTarget.of(request.getParameter(LoginTarget.PARAMETER));
      if (asked.isPresent()) {
        new HttpSessionRequestCache().removeRequest(request, response);
        clearRefusal(request);
        response.sendRedirect(asked.get());
      } else {
        saved.onAuthenticationSuccess(request, response, authentication);
      }
    };
  }

  static AuthenticationFailureHandler failure(String loginPage) {
    return (HttpServletRequest request, HttpServletResponse response, AuthenticationException refused) -> {
      request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, refused);
      response.sendRedirect(loginPage + "?loi" + LoginTarget.of(request.getParameter(LoginTarget.PARAMETER))
          .map(target -> "&" + LoginTarget.PARAMETER + "=" + URLEncoder.encode(target, StandardCharsets.UTF_8))
          .orElse(""));
    };
  }

  private static void clearRefusal(HttpServletRequest request) {
    if (request.getSession(false) != null) {
      request.getSession(false).removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
  }
}
