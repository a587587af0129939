package vn.nangbuoc.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.nangbuoc.PageBrowser;

/**
 * Wrong passwords slow a login down and lock it for 15 minutes at most, on each of the three ways
 * in: the one login of the product's pages and the webapps (/dang-nhap), /api and /engine-rest (the
 * webapps' own login endpoint logs nobody in: OneLoginTest). An id that does not exist is
 * answered word for word like one that does. The clock is the engine's, moved by the test.
 * Runs on H2 and on PostgreSQL (the failures' row is locked while a password is checked).
 */
abstract class LoginLockoutChecks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PAGE_MESSAGE = Pattern.compile("<p class=\"message\">([^<]*)</p>");
  /** One demo user per path, so that the paths' counts cannot mix. */
  private static final Map<String, String> USER = Map.of("pages", "cbtamthanh", "api", "cbvinhtrai",
      "engine-rest", "cbchilang");

  record Answer(boolean accepted, String message) {
  }

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @ParameterizedTest
  @ValueSource(strings = {"pages", "api", "engine-rest"})
  void shouldLockForFifteenMinutesAfterTenWrongPasswordsAndThenLetTheRightOneIn(String path) {
    String user = USER.get(path);
    Instant start = Instant.now().plus(Duration.ofDays(3));
    Instant tenth = failTenTimes(path, user, start);

    at(tenth.plusSeconds(1));
    Answer locked = login(path, user, "demo123");
    at(tenth.plus(Duration.ofMinutes(14)));
    Answer stillLocked = login(path, user, "demo123");
    at(tenth.plus(Duration.ofMinutes(15)).plusSeconds(1));
    Answer unlocked = login(path, user, "demo123");

    assertThat(locked.accepted()).isFalse();
    assertThat(stillLocked.accepted()).isFalse();
    assertThat(unlocked.accepted()).as("the right password after the lock time, without an administrator").isTrue();
    assertThat(locked.message()).isEqualTo(
        "Tài khoản đang tạm khóa vì nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau 15 phút.");
    assertThat(stillLocked.message()).endsWith("thử lại sau 1 phút.");
    assertThat(lockMailsTo(user)).containsExactlyInAnyOrder(user, "quantri");
  }

  @Test
  void shouldMakeTheRightPasswordWaitRightAfterAWrongOne() {
    Instant now = Instant.now().plus(Duration.ofDays(4));
    at(now);
    login("api", "cbhoangvanthu", "sai-mat-khau");

    Answer refused = login("api", "cbhoangvanthu", "demo123");
    at(now.plusSeconds(3));
    Answer accepted = login("api", "cbhoangvanthu", "demo123");

    assertThat(refused)
        .isEqualTo(new Answer(false, "Sai tên đăng nhập hoặc mật khẩu. Vui lòng chờ 2 giây rồi thử lại."));
    assertThat(accepted.accepted()).isTrue();
  }

  @Test
  void shouldAnswerAnIdThatDoesNotExistWordForWordAsOneThatDoes() {
    Instant time = Instant.now().plus(Duration.ofDays(5));
    for (int i = 1; i <= 10; i++) {
      at(time);
      for (String path : List.of("api", "engine-rest", "pages")) {
        // a wrong password, then the right one during the wait it causes
        String password = "api".equals(path) ? "sai-mat-khau" : "demo123";
        assertThat(login(path, "khongcoai", password)).as("attempt " + i + " on " + path)
            .isEqualTo(login(path, "cbquanglac", password));
      }
      time = time.plus(Duration.ofMinutes(20));
    }
    at(time);
    assertThat(login("api", "cbquanglac", "demo123").accepted()).isTrue();
    assertThat(lockMailsTo("khongcoai")).isEmpty();
  }

  @Test
  void shouldLetAnAdministratorUnlockAtOnce() {
    Instant tenth = failTenTimes("api", "cbvinhtrai", Instant.now().plus(Duration.ofDays(7)));
    at(tenth.plusSeconds(1));

    ResponseEntity<String> unlock = http.withBasicAuth("quantri", "demo123")
        .postForEntity("/engine-rest/user/cbvinhtrai/unlock", null, String.class);

    assertThat(unlock.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(login("api", "cbvinhtrai", "demo123").accepted()).isTrue();
  }

  @Test
  void shouldCheckParallelGuessesOneAtATime() throws Exception {
    at(Instant.now().plus(Duration.ofDays(6)));
    assertThat(login("api", "cbhoangdong", "demo123").accepted()).isTrue();
    ExecutorService guessers = Executors.newFixedThreadPool(8);
    try {
      List<Future<Answer>> guesses = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        guesses.add(guessers.submit(() -> login("engine-rest", "cbhoangdong", "sai-mat-khau")));
      }
      for (Future<Answer> guess : guesses) {
        assertThat(guess.get().accepted()).isFalse();
      }
    } finally {
      guessers.shutdownNow();
    }

    // the engine counts the wrong passwords it was asked to check
    assertThat(jdbc.sql("select attempts_ from act_id_user where id_ = 'cbhoangdong'").query(Integer.class).single())
        .as("guesses checked: the others waited").isEqualTo(1);
    at(Instant.now().plus(Duration.ofDays(6)).plusSeconds(3));
    assertThat(login("api", "cbhoangdong", "demo123").accepted()).isTrue();
  }

  private Instant failTenTimes(String path, String user, Instant start) {
    Instant time = start;
    for (int i = 1; i <= 10; i++) {
      at(time);
      assertThat(login(path, user, "sai-mat-khau").accepted()).isFalse();
      if (i < 10) {
        time = time.plus(Duration.ofMinutes(20));
      }
    }
    return time;
  }

  private List<String> lockMailsTo(String user) {
    return jdbc.sql("select recipient_user from mail_outbox where kind = 'account-locked' and dedup_key like ?")
        .param("login-locked:" + user + ":%").query(String.class).list();
  }

  private static void at(Instant time) {
    ClockUtil.setCurrentTime(Date.from(time));
  }

  private Answer login(String path, String user, String password) {
    return switch (path) {
      case "pages" -> pages(user, password);
      case "api" -> basic("/api/me/notifications", user, password);
      case "engine-rest" -> basic("/engine-rest/user/count", user, password);
      default -> throw new IllegalArgumentException(path);
    };
  }

  private Answer basic(String url, String user, String password) {
    ResponseEntity<String> answer = http.withBasicAuth(user, password).getForEntity(url, String.class);
    return answer.getStatusCode() == HttpStatus.UNAUTHORIZED ? new Answer(false, message(answer.getBody()))
        : new Answer(answer.getStatusCode().is2xxSuccessful(), null);
  }

  private Answer pages(String user, String password) {
    TestRestTemplate browser = http.withRedirects(Redirects.DONT_FOLLOW);
    ResponseEntity<String> page = browser.getForEntity("/dang-nhap", String.class);
    String session = cookie(page, "JSESSIONID");
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    form.add("_csrf", PageBrowser.csrfToken(page.getBody()));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, session);
    ResponseEntity<String> done = browser.postForEntity("/dang-nhap", new HttpEntity<>(form, headers), String.class);
    String target = done.getHeaders().getLocation().toString();
    if (!target.contains("/dang-nhap")) {
      return new Answer(true, null);
    }
    HttpHeaders again = new HttpHeaders();
    again.add(HttpHeaders.COOKIE, session);
    String refused = browser.exchange(target, HttpMethod.GET, new HttpEntity<>(again), String.class).getBody();
    Matcher message = PAGE_MESSAGE.matcher(refused);
    return new Answer(false, message.find() ? message.group(1) : null);
  }

  private static String cookie(ResponseEntity<String> response, String name) {
    return response.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith(name + "="))
        .map(c -> c.contains(";") ? c.substring(0, c.indexOf(';')) : c).findFirst().orElseThrow();
  }

  private static String message(String body) {
    try {
      return body == null ? null : String.valueOf(JSON.readValue(body, Map.class).get("message"));
    } catch (Exception notJson) {
      return "not JSON: " + body;
    }
  }
}
