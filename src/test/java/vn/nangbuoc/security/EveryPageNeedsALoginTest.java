package vn.nangbuoc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;

/**
 * Every address the application's controllers answer, found from the handler mappings rather than listed
 * by hand, asks a visitor without a login to sign in (a page) or refuses him (the API): a page added without
 * naming it in the login chain is caught here, and the fallback chain refuses it to everyone meanwhile.
 */
@NangBuocSpringTest
class EveryPageNeedsALoginTest {

  /** The login itself, "/" which only leads to the home page, and the error page the refusals render. */
  private static final Set<String> OPEN = Set.of("/dang-nhap", "/", "/error");

  @Autowired
  TestRestTemplate http;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void shouldAskForALoginOnEveryPageAndRefuseEveryApiCallWithoutOne() {
    TestRestTemplate visitor = http.withRedirects(Redirects.DONT_FOLLOW);
    // a visitor's own session and CSRF token, from the login page: a form he sends passes the CSRF check and
    // meets the authorization rules, which must lead him to the login
    ResponseEntity<String> loginPage = visitor.getForEntity("/dang-nhap", String.class);
    String cookie = loginPage.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(c -> c.substring(0, c.indexOf(';'))).reduce((a, b) -> a + "; " + b).orElseThrow();
    String token = PageBrowser.csrfToken(loginPage.getBody());
    List<String> open = new ArrayList<>();
    int checked = 0;
    for (var mapping : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
      for (String pattern : mapping.getPatternValues()) {
        if (OPEN.contains(pattern)) {
          continue;
        }
        String path = pattern.replaceAll("\\{[^}]+}", "1");
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          HttpHeaders headers = new HttpHeaders();
          headers.add(HttpHeaders.COOKIE, cookie);
          headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
          MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
          form.add("_csrf", token);
          ResponseEntity<String> answer = visitor.exchange(path, HttpMethod.valueOf(method.name()),
              method == RequestMethod.GET ? new HttpEntity<>(headers) : new HttpEntity<>(form, headers), String.class);
          checked++;
          if (!refused(path, method, answer)) {
            open.add(method + " " + path + " → " + answer.getStatusCode());
          }
        }
      }
    }
    assertThat(checked).as("addresses checked").isGreaterThan(50);
    assertThat(open).as("answered without a login").isEmpty();
  }

  @Test
  void shouldRefuseAnAddressNoChainNamesEvenToASignedInUser() {
    assertThat(http.getForEntity("/khong-co-trang-nay", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("quantri", "demo123").getForEntity("/actuator/env", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> root = http.withRedirects(Redirects.DONT_FOLLOW).getForEntity("/", String.class);
    assertThat(root.getHeaders().getLocation()).hasPath("/trang-chu");
  }

  /** The API answers 401; a page, asked for or sent to with a valid CSRF token, leads to the login. */
  private static boolean refused(String path, RequestMethod method, ResponseEntity<String> answer) {
    if (path.startsWith("/api/")) {
      return answer.getStatusCode() == HttpStatus.UNAUTHORIZED;
    }
    return answer.getStatusCode() == HttpStatus.FOUND && answer.getHeaders().getLocation() != null
        && answer.getHeaders().getLocation().getPath().equals("/dang-nhap");
  }
}
