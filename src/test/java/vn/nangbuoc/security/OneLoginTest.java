package vn.nangbuoc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.WebappSession;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * One sign-in at /dang-nhap serves the product's pages, Tasklist (and Cockpit, Admin) and the demo mail view;
 * one sign-out, at either place, ends it everywhere. "/" is the home page with the user's work.
 */
@NangBuocSpringTest
class OneLoginTest {

  private static final String TASKS = "/camunda/api/engine/engine/default/task?firstResult=0&maxResults=5";
  private static final String WHO = "/camunda/api/admin/auth/user/default";
  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate http;

  @Test
  void shouldOpenTasklistTheMailViewAndThePagesWithOneSignIn() {
    WebappSession session = WebappSession.signIn(http, "cvldtbxh");
    PageBrowser pages = new PageBrowser(http);

    ResponseEntity<String> tasks = session.get(http, TASKS, String.class);
    ResponseEntity<Map<String, Object>> who = http.exchange(WHO, HttpMethod.GET, new HttpEntity<>(session.headers()),
        OBJECT);

    assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasks.getBody()).startsWith("[");
    assertThat(who.getBody()).containsEntry("userId", "cvldtbxh");
    // the webapps' authentication knows the apps the user's groups may open (from the identity service)
    assertThat(String.valueOf(who.getBody().get("authorizedApps"))).contains("tasklist").doesNotContain("admin");
    assertThat(pages.get(session.session(), "/thu").getBody()).contains("Thư đã gửi");
    assertThat(pages.get(session.session(), "/ho-so").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldEndThePagesWhenSigningOutOfAWebapp() {
    WebappSession session = WebappSession.signIn(http, "cvldtbxh");
    PageBrowser pages = new PageBrowser(http);

    ResponseEntity<String> out = http.exchange(WHO + "/logout", HttpMethod.POST, new HttpEntity<>(session.headers()),
        String.class);

    assertThat(out.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(session.get(http, TASKS, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(pages.get(session.session(), "/ho-so").getHeaders().getLocation().getPath()).isEqualTo("/dang-nhap");
    assertThat(pages.get(session.session(), "/thu").getHeaders().getLocation().getPath()).isEqualTo("/dang-nhap");
  }

  @Test
  void shouldEndTheWebappsWhenSigningOutOfThePages() {
    WebappSession session = WebappSession.signIn(http, "cvldtbxh");
    PageBrowser pages = new PageBrowser(http);

    ResponseEntity<String> out = pages.submit(session.session(), "/trang-chu", "/dang-xuat");

    assertThat(out.getHeaders().getLocation().toString()).contains("/dang-nhap?da-dang-xuat");
    assertThat(session.get(http, TASKS, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(session.get(http, WHO, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldSendAnAnonymousVisitorOfTasklistToTheLoginAndBackAfterIt() {
    TestRestTemplate browser = http.withRedirects(Redirects.DONT_FOLLOW);
    ResponseEntity<String> tasklist = browser.getForEntity("/camunda/app/tasklist/", String.class);
    String session = cookie(tasklist, "JSESSIONID");
    PageBrowser pages = new PageBrowser(http);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", "cbmaipha");
    form.add("password", "demo123");
    form.add("_csrf", PageBrowser.csrfToken(pages.get(session, "/dang-nhap").getBody()));

    ResponseEntity<String> loggedIn = pages.post(session, "/dang-nhap", form);

    assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(tasklist.getHeaders().getLocation().getPath()).isEqualTo("/dang-nhap");
    assertThat(loggedIn.getHeaders().getLocation().getPath()).startsWith("/camunda/app/tasklist/");
    assertThat(browser.getForEntity(TASKS, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldLogNobodyInThroughTheWebappsOwnLogin() {
    ResponseEntity<String> anonymous = webappLogin(new HttpHeaders(), "cvldtbxh");
    WebappSession colleague = WebappSession.signIn(http, "cbmaipha");
    ResponseEntity<String> asAnother = webappLogin(colleague.headers(), "quantri");

    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).noneMatch(c -> c.startsWith("JSESSIONID"));
    // with a valid session and CSRF token the webapps' login would have switched the user
    assertThat(asAnother.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.exchange(WHO, HttpMethod.GET, new HttpEntity<>(colleague.headers()), OBJECT).getBody())
        .containsEntry("userId", "cbmaipha");
  }

  @Test
  void shouldLeadFromTheRootToTheHomePageWithTheUsersWork() {
    PageBrowser pages = new PageBrowser(http);
    String worker = pages.login("cvldtbxh");
    int mineBefore = count(pages.get(worker, "/trang-chu").getBody(), "Việc đã giao cho tôi");
    int groupBefore = count(pages.get(worker, "/trang-chu").getBody(), "Việc chưa ai nhận của nhóm tôi");

    String task = reviewTaskOfANewChild();
    int groupAfterListing = count(pages.get(worker, "/trang-chu").getBody(), "Việc chưa ai nhận của nhóm tôi");
    assertThat(http.withBasicAuth("cvldtbxh", "demo123").postForEntity("/engine-rest/task/" + task + "/claim",
        Map.of("userId", "cvldtbxh"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    String home = pages.get(worker, "/trang-chu").getBody();

    assertThat(pages.get(worker, "/").getHeaders().getLocation().getPath()).isEqualTo("/trang-chu");
    assertThat(groupAfterListing).isEqualTo(groupBefore + 1);
    assertThat(count(home, "Việc chưa ai nhận của nhóm tôi")).isEqualTo(groupBefore);
    assertThat(count(home, "Việc đã giao cho tôi")).isEqualTo(mineBefore + 1);
    assertThat(home).contains("/camunda/app/tasklist/default/#/?filter=", "href=\"/ho-so\"")
        .doesNotContain("href=\"/quan-tri/xoa-ho-so\"", "CAM_WIDGET");
    assertThat(pages.get(pages.login("quantri"), "/trang-chu").getBody()).contains("href=\"/quan-tri/xoa-ho-so\"")
        .doesNotContain("href=\"/ho-so/nhap\"");
  }

  private ResponseEntity<String> webappLogin(HttpHeaders headers, String user) {
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", "demo123");
    return http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist", new HttpEntity<>(form, headers),
        String.class);
  }

  private static int count(String home, String label) {
    Matcher count = Pattern.compile("<div>" + label + "</div>\\s*<div class=\"amount\">(\\d+)</div>").matcher(home);
    assertThat(count.find()).as(label + " on " + home).isTrue();
    return Integer.parseInt(count.group(1));
  }

  /** A Mai Pha child listed by the commune: its review waits, unclaimed, for the labour office. */
  private String reviewTaskOfANewChild() {
    Map<String, Object> body = Map.of("fullName", "Hoàng Thị Thảo", "dateOfBirth", "01/02/2021", "sex", "FEMALE",
        "address", "Thôn Nà Sèn", "conditionGroup", "EYE", "caregiverName", "Hoàng Văn Hải",
        "caregiverRelation", "FATHER", "caregiverPhone", "0912345678", "personalId", PathwayDriver.randomPersonalId());
    ResponseEntity<Map<String, Object>> created = http.withBasicAuth("cbmaipha", "demo123").exchange("/api/cases",
        HttpMethod.POST, new HttpEntity<>(body), OBJECT);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<List<Map<String, Object>>> tasks = http.withBasicAuth("cvldtbxh", "demo123").exchange(
        "/engine-rest/task?maxResults=5&processInstanceId=" + created.getBody().get("processInstanceId"),
        HttpMethod.GET, null, new ParameterizedTypeReference<>() {
        });
    assertThat(tasks.getBody()).hasSize(1);
    return (String) tasks.getBody().get(0).get("id");
  }

  private static String cookie(ResponseEntity<String> response, String name) {
    return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith(name + "="))
        .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
  }
}
