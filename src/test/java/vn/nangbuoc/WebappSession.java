package vn.nangbuoc;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A browser's session in Tasklist, Cockpit and Admin: signed in once at the product's login (/dang-nhap),
 * then the webapps' CSRF token (XSRF-TOKEN cookie) that their API calls send back as X-XSRF-TOKEN.
 */
public record WebappSession(String session, String xsrfToken) {

  public static WebappSession signIn(TestRestTemplate http, String user) {
    return open(http, new PageBrowser(http).login(user));
  }

  /** The webapps' token for a session signed in at /dang-nhap: Tasklist hands it out with its page. */
  public static WebappSession open(TestRestTemplate http, String session) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    ResponseEntity<String> tasklist = http.withRedirects(Redirects.DONT_FOLLOW)
        .exchange("/camunda/app/tasklist/", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    String token = tasklist.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring("XSRF-TOKEN=".length()).split(";", 2)[0])
        .findFirst().orElse(null);
    assertThat(token).as("the webapps' CSRF cookie for a signed-in session").isNotNull();
    return new WebappSession(session, token);
  }

  /** What the webapps send with every API call: the session, the CSRF cookie and its header. */
  public HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session + "; XSRF-TOKEN=" + xsrfToken);
    headers.add("X-XSRF-TOKEN", xsrfToken);
    return headers;
  }

  public <T> ResponseEntity<T> get(TestRestTemplate http, String path, Class<T> type) {
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), type);
  }
}
