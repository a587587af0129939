package vn.nangbuoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Uses the application's pages as a browser does, without running one: the session login with the
 * form's CSRF token, pages read with the session cookie, forms posted with their token. Redirects
 * are not followed, so tests see where they lead.
 */
public final class PageBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final TestRestTemplate http;

  public PageBrowser(TestRestTemplate http) {
    this.http = http.withRedirects(Redirects.DONT_FOLLOW);
  }

  /** Logs in with the demo password; returns the session cookie ("JSESSIONID=..."). */
  public String login(String user) {
    ResponseEntity<String> loginPage = http.getForEntity("/dang-nhap", String.class);
    assertThat(loginPage.getBody()).doesNotContain("Đăng xuất", "anonymousUser");
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", "demo123");
    form.add("_csrf", csrfToken(loginPage.getBody()));
    ResponseEntity<String> done = post(session(loginPage), "/dang-nhap", form);
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(done.getHeaders().getLocation().getPath()).isNotEqualTo("/dang-nhap");
    return session(done);
  }

  public ResponseEntity<String> get(String session, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** Posts a form as it is, token included or not: a test of CSRF leaves it out. */
  public ResponseEntity<String> post(String session, String path, MultiValueMap<String, String> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    if (session != null) {
      headers.add(HttpHeaders.COOKIE, session);
    }
    return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }

  /** Uploads a file as a multipart form with the page's CSRF token, as the file input sends it. */
  public ResponseEntity<String> upload(String session, String path, String csrf, String field, String fileName,
      byte[] content) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("_csrf", csrf);
    form.add(field, new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.add(HttpHeaders.COOKIE, session);
    return http.postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }

  /** Posts the form of a page: reads its CSRF token first, as the browser would have it. */
  public ResponseEntity<String> submit(String session, String pagePath, String formPath) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", csrfToken(get(session, pagePath).getBody()));
    return post(session, formPath, form);
  }

  public static String csrfToken(String page) {
    Matcher csrf = CSRF.matcher(page);
    assertThat(csrf.find()).as("the page's form carries a CSRF token").isTrue();
    return csrf.group(1);
  }

  private static String session(ResponseEntity<String> response) {
    List<String> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
    return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';')))
        .findFirst().orElseThrow();
  }
}
