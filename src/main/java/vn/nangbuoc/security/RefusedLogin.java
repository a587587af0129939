package vn.nangbuoc.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import vn.nangbuoc.input.ErrorAnswers;

/** The body of a 401: why, in Vietnamese, on every path that authenticates with HTTP Basic. */
final class RefusedLogin {

  static final String NO_CREDENTIALS = "Cần đăng nhập: gửi tên đăng nhập và mật khẩu (HTTP Basic).";
  private static final ObjectMapper JSON = new ObjectMapper();

  private RefusedLogin() {
  }

  static void write(HttpServletResponse response, String message) throws IOException {
    write(response, HttpServletResponse.SC_UNAUTHORIZED, message);
  }

  /** The database is away: no login could be checked, so no login is refused either. */
  static void databaseAway(HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", ErrorAnswers.RETRY_AFTER_SECONDS);
    write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ErrorAnswers.DATABASE_AWAY);
  }

  /** The JSON of the answer, in this order. */
  record Refusal(int status, String message) {
  }

  private static void write(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(new Refusal(status, message)));
  }

  /** The user id of an HTTP Basic header, or null without one. */
  static String basicUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }
}
