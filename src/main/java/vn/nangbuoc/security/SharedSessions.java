package vn.nangbuoc.security;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.servlet.server.Session;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Logins kept in the database (Spring Session JDBC, tables of V64) instead of the node's memory, so
 * that several nodes behind one address serve the same person without sticky sessions: the product's
 * pages (Spring Security's login) and Tasklist, Cockpit and Admin (whose login the Camunda webapps keep
 * in the HTTP session too). Switched on with {@code nangbuoc.sessions.store: jdbc}; one node keeps its
 * sessions in memory, which is faster and what the tests use.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "nangbuoc.sessions.store", havingValue = "jdbc")
// every 5 minutes: expired sessions wait that long at most to be deleted (each node deletes, harmlessly)
@EnableJdbcHttpSession(cleanupCron = "0 */5 * * * *")
class SharedSessions {

  /** The session's idle timeout as for a session in memory (server.servlet.session.timeout, 30 min). */
  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(ServerProperties server) {
    Duration timeout = server.getServlet().getSession().getTimeout();
    return repository -> repository.setDefaultMaxInactiveInterval(timeout == null ? Duration.ofMinutes(30) : timeout);
  }

  /**
   * The cookie as server.servlet.session.cookie.* describes it (prod: secure, HTTP only, same site
   * strict), named as the servlet container names its own so that nothing else changes for a browser.
   */
  @Bean
  DefaultCookieSerializer cookieSerializer(ServerProperties server) {
    Session.Cookie cookie = server.getServlet().getSession().getCookie();
    DefaultCookieSerializer serializer = new DefaultCookieSerializer();
    serializer.setCookieName(cookie.getName() == null ? "JSESSIONID" : cookie.getName());
    serializer.setUseHttpOnlyCookie(!Boolean.FALSE.equals(cookie.getHttpOnly()));
    if (cookie.getSecure() != null) {
      serializer.setUseSecureCookie(cookie.getSecure());
    }
    if (cookie.getSameSite() != null) {
      serializer.setSameSite(cookie.getSameSite().attributeValue());
    }
    if (cookie.getPath() != null) {
      serializer.setCookiePath(cookie.getPath());
    }
    if (cookie.getDomain() != null) {
      serializer.setDomainName(cookie.getDomain());
    }
    // Spring Session's cookie is Base64 by default; the container's is the plain id
    serializer.setUseBase64Encoding(false);
    return serializer;
  }
}
