package vn.nangbuoc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import vn.nangbuoc.NangBuocSpringTest;

/** No answer of any part of the application, refusals included, hands its URL on to another site. */
@NangBuocSpringTest
class ReferrerPolicyTest {

  @Autowired
  TestRestTemplate http;

  @Test
  void shouldSendNoReferrerWithEveryKindOfAnswer() {
    TestRestTemplate caseworker = http.withBasicAuth("cbmaipha", "demo123");
    List<ResponseEntity<String>> answers = List.of(
        http.getForEntity("/dang-nhap", String.class),
        http.getForEntity("/ho-so", String.class),
        caseworker.getForEntity("/api/cases/999999999", String.class),
        http.getForEntity("/api/cases/1", String.class),
        caseworker.getForEntity("/engine-rest/task?maxResults=1", String.class),
        http.getForEntity("/engine-rest/task", String.class),
        http.getForEntity("/camunda/app/tasklist/", String.class),
        http.getForEntity("/camunda/api/admin/auth/user/default", String.class),
        http.getForEntity("/actuator/health", String.class),
        http.getForEntity("/khong-co-trang-nay", String.class));

    assertThat(answers).allSatisfy(answer -> assertThat(answer.getHeaders().getFirst("Referrer-Policy"))
        .as(answer.getStatusCode() + " " + answer.getBody()).isEqualTo("no-referrer"));
  }
}
