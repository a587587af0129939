package vn.nangbuoc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.nangbuoc.NangBuocSpringTest;

/** Every answer of /engine-rest carries the API's security headers, its 401s (Camunda's own filter) included. */
@NangBuocSpringTest
class EngineRestAnswersTest {

  @Autowired
  TestRestTemplate http;

  @Test
  void shouldSendTheSecurityHeadersWithEveryKindOfAnswer() {
    Map<HttpStatus, ResponseEntity<String>> answers = Map.of(
        HttpStatus.OK, http.withBasicAuth("cbmaipha", "demo123")
            .getForEntity("/engine-rest/task?maxResults=1", String.class),
        HttpStatus.UNAUTHORIZED, http.getForEntity("/engine-rest/task?maxResults=1", String.class),
        HttpStatus.FORBIDDEN, http.withBasicAuth("cbmaipha", "demo123")
            .exchange("/engine-rest/user/quantri", HttpMethod.DELETE, null, String.class),
        HttpStatus.NOT_FOUND, http.withBasicAuth("cbmaipha", "demo123")
            .getForEntity("/engine-rest/task/khong-co-viec-nay", String.class));

    answers.forEach((status, answer) -> {
      assertThat(answer.getStatusCode()).isEqualTo(status);
      assertThat(answer.getHeaders().get("Content-Security-Policy")).as(status + " CSP")
          .isEqualTo(List.of("default-src 'none'; frame-ancestors 'none'"));
      assertThat(answer.getHeaders().get("X-Content-Type-Options")).as(status + " nosniff")
          .isEqualTo(List.of("nosniff"));
      assertThat(answer.getHeaders().get("Cache-Control")).as(status + " cache").isEqualTo(List.of("no-store"));
    });
  }

  @Test
  void shouldSayInVietnameseWhyA401IsRefused() {
    ResponseEntity<String> anonymous = http.getForEntity("/engine-rest/task?maxResults=1", String.class);

    assertThat(anonymous.getBody()).contains("Cần đăng nhập");
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
  }
}
