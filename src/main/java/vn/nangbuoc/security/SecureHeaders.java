package vn.nangbuoc.security;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;

/**
 * A response that carries the REST API's security headers from the start and keeps them: JSON only,
 * nothing in it may run, load or be framed, and no cache keeps it (it may hold a child's data).
 */
class SecureHeaders extends HttpServletResponseWrapper {

  static final String CSP = SecurityConfiguration.API_CSP;
  private static final Set<String> KEPT = Set.of("content-security-policy", "x-content-type-options", "cache-control");

  private boolean written;

  SecureHeaders(HttpServletResponse response) {
    super(response);
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("X-Content-Type-Options", EngineRestAnswers.NOSNIFF);
    response.setHeader("Cache-Control", EngineRestAnswers.CACHE_CONTROL);
  }

  @Override
  public void setHeader(String name, String value) {
    if (!KEPT.contains(name.toLowerCase(Locale.ROOT))) {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!KEPT.contains(name.toLowerCase(Locale.ROOT))) {
      super.addHeader(name, value);
    }
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    written = true;
    return super.getOutputStream();
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    written = true;
    return super.getWriter();
  }

  boolean written() {
    return written;
  }
}
