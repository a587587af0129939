package vn.nangbuoc.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No page, API, engine REST or webapp answer tells the next site where the user came from: a URL
 * of this application names a case, a task, a fund. Set before anything else runs, so refusals
 * (401 from the engine's own filter, errors) carry it too.
 */
class ReferrerPolicyFilter extends OncePerRequestFilter {

  static final String HEADER = "Referrer-Policy";
  static final String POLICY = "no-referrer";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(HEADER, POLICY);
    chain.doFilter(request, response);
  }
}
