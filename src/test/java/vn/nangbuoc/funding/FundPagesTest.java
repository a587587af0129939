package vn.nangbuoc.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
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
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.fund.Balance;
import vn.nangbuoc.fund.FundLedger;
import vn.nangbuoc.input.VietnameseFormat;

/** The fund's pages behind a session login: what an inspector reads, and who may not. */
@NangBuocSpringTest
class FundPagesTest {

  @Autowired
  TestRestTemplate browser;

  TestRestTemplate http;

  @BeforeEach
  void noRedirects() {
    http = browser.withRedirects(Redirects.DONT_FOLLOW);
  }
  @Autowired
  FundLedger ledger;

  @Test
  void shouldShowTheFundToAnInspectorAfterLogin() {
    String session = login("thanhtra");
    String fund = ledger.fundServing("MAIPHA");

    String overview = page(session, "/quy").getBody();
    Balance balance = ledger.balance(fund);
    assertThat(overview).contains("Quỹ Bảo trợ trẻ em thành phố Lạng Sơn", "Còn khả dụng",
        VietnameseFormat.money(balance.available()), "Đăng xuất");
    String book = page(session, "/quy/" + fund + "/so-cai?tu=2000-01-01").getBody();
    assertThat(book).contains("Sổ quỹ", "Ngân sách", "Cộng trong kỳ");
    assertThat(page(session, "/quy/" + fund + "/de-nghi?trang-thai=APPROVED").getBody()).contains("Đề nghị hỗ trợ");
    ResponseEntity<String> headers = page(session, "/quy");
    assertThat(headers.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'none'");
  }

  @Test
  void shouldSendStrangersToTheLoginAndKeepCaseworkersOut() {
    ResponseEntity<String> anonymous = http.getForEntity("/quy", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(anonymous.getHeaders().getLocation().getPath()).isEqualTo("/dang-nhap");

    ResponseEntity<String> caseworker = page(login("cbmaipha"), "/quy");
    assertThat(caseworker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(caseworker.getBody()).contains("Bạn không có quyền xem sổ của Quỹ.");
  }

  @Test
  void shouldRefuseALoginWithoutTheFormsCsrfToken() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", "thanhtra");
    form.add("password", "demo123");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

    ResponseEntity<String> forged = http.postForEntity("/dang-nhap", new HttpEntity<>(form, headers), String.class);

    assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private String login(String user) {
    ResponseEntity<String> loginPage = http.getForEntity("/dang-nhap", String.class);
    assertThat(loginPage.getBody()).doesNotContain("Đăng xuất", "anonymousUser");
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.getBody());
    assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
    String cookie = session(loginPage);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", "demo123");
    form.add("_csrf", csrf.group(1));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add(HttpHeaders.COOKIE, cookie);
    ResponseEntity<String> done = http.postForEntity("/dang-nhap", new HttpEntity<>(form, headers), String.class);
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(done.getHeaders().getLocation().getPath()).isNotEqualTo("/dang-nhap");
    return session(done);
  }

  private static String session(ResponseEntity<String> response) {
    List<String> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
    return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';')))
        .findFirst().orElseThrow();
  }

  private ResponseEntity<String> page(String session, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.COOKIE, session);
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }
}
