package vn.nangbuoc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriUtils;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;

/**
 * After the one login a person is back where they were: at the webapp's place that sent them to the login
 * (its address after #, which only the page knows, comes along as {@code continue}), or at the task a mail's link
 * opens. The address must be a path of this site; a webapp that sends a signed-in person to the login again
 * lands him on the home page, not in a loop.
 */
@NangBuocSpringTest
class LoginLeadsBackTest {

  private static final String TASK_IN_TASKLIST = "/camunda/app/tasklist/default/#/?task=4a1b2c3d-0000-1111";

  @Autowired
  TestRestTemplate http;

  @Test
  void shouldLeadBackToTheWebappsPlaceTheLoginWasToldOf() {
    PageBrowser pages = new PageBrowser(http);
    ResponseEntity<String> login = anonymous("/dang-nhap?continue=" + encoded(TASK_IN_TASKLIST));

    ResponseEntity<String> done = signIn(login, "cvldtbxh", TASK_IN_TASKLIST);

    assertThat(login.getBody()).contains("name=\"continue\" value=\"" + TASK_IN_TASKLIST + "\"");
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(where(done)).isEqualTo(TASK_IN_TASKLIST);
  }

  @Test
  void shouldLeadNowhereButToThisSite() {
    List<String> elsewhere = List.of("//evil.example", "https://evil.example/", "/\\evil.example", "\\\\evil.example",
        "%2F%2Fevil.example", "/%2Fevil.example", "/%5Cevil.example", "%252F%252Fevil.example", "evil.example",
        "/\tevil", " //evil.example", "javascript:alert(1)", "/dang-nhap?continue=//evil.example", "/dang-xuat");
    PageBrowser pages = new PageBrowser(http);
    for (String target : elsewhere) {
      ResponseEntity<String> login = anonymous("/dang-nhap?continue=" + encoded(target));

      ResponseEntity<String> done = signIn(login, "cvldtbxh", target);

      assertThat(login.getBody()).as(target).doesNotContain("name=\"continue\"");
      assertThat(where(done)).as(target).isEqualTo("/trang-chu");
    }
  }

  @Test
  void shouldSendASignedInPersonTheLoginWasAskedForToTheHomePageNotBack() {
    PageBrowser pages = new PageBrowser(http);
    String session = pages.login("cvldtbxh");

    ResponseEntity<String> again = pages.get(session, "/dang-nhap?continue=" + encoded(TASK_IN_TASKLIST));

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(again.getHeaders().getLocation().getPath()).isEqualTo("/trang-chu");
  }

  @Test
  void shouldKeepThePlaceWhenAPasswordIsRefused() {
    PageBrowser pages = new PageBrowser(http);
    ResponseEntity<String> login = anonymous("/dang-nhap?continue=" + encoded(TASK_IN_TASKLIST));
    MultiValueMap<String, String> form = form(login, "khongcoai", TASK_IN_TASKLIST);
    form.set("password", "sai");

    ResponseEntity<String> refused = pages.post(session(login), "/dang-nhap", form);

    assertThat(where(refused)).isEqualTo("/dang-nhap?loi&continue=" + UriUtils.encode(TASK_IN_TASKLIST, "UTF-8"));
  }

  @Test
  void shouldOpenTheTaskOfAMailsLinkAfterTheLogin() {
    ResponseEntity<String> link = anonymous("/trang/viec/4a1b2c3d-0000-1111");
    PageBrowser pages = new PageBrowser(http);
    ResponseEntity<String> login = pages.get(session(link), "/dang-nhap");

    ResponseEntity<String> done = pages.post(session(link), "/dang-nhap", form(login, "cvldtbxh", null));
    ResponseEntity<String> task = pages.get(session(done), done.getHeaders().getLocation().getPath());

    assertThat(link.getHeaders().getLocation().getPath()).isEqualTo("/dang-nhap");
    assertThat(done.getHeaders().getLocation().getPath()).isEqualTo("/trang/viec/4a1b2c3d-0000-1111");
    assertThat(where(task)).isEqualTo(TASK_IN_TASKLIST);
    assertThat(pages.get(session(done), "/trang/viec/<script>").getStatusCode()).isNotEqualTo(HttpStatus.FOUND);
  }

  private ResponseEntity<String> signIn(ResponseEntity<String> login, String user, String target) {
    return new PageBrowser(http).post(session(login), "/dang-nhap", form(login, user, target));
  }

  private static MultiValueMap<String, String> form(ResponseEntity<String> login, String user, String target) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", "demo123");
    form.add("_csrf", PageBrowser.csrfToken(login.getBody()));
    if (target != null) {
      // what a forged link would post: the field is sent whether the page offered it or not
      form.add("continue", target);
    }
    return form;
  }

  /** A browser's first request: it asks for a page (text/html), with the address encoded once, as it is. */
  private ResponseEntity<String> anonymous(String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    return http.withRedirects(Redirects.DONT_FOLLOW).exchange(URI.create(path), HttpMethod.GET,
        new HttpEntity<>(headers), String.class);
  }

  /** Where an answer leads, from this site's root (as the browser resolves it). */
  private static String where(ResponseEntity<String> answer) {
    return answer.getHeaders().getLocation().toString().replaceFirst("^http://localhost:\\d+", "");
  }

  private static String encoded(String target) {
    return UriUtils.encodeQueryParam(target, "UTF-8");
  }

  private static String session(ResponseEntity<String> response) {
    return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
  }
}
