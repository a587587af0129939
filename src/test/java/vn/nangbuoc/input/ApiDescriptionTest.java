package vn.nangbuoc.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.nangbuoc.NangBuocSpringTest;

/** The application's own API is described as OpenAPI, for signed-in users only. */
@NangBuocSpringTest
class ApiDescriptionTest {

  @Autowired
  TestRestTemplate http;

  @Test
  void shouldDescribeTheApiToSignedInUsersOnly() {
    assertThat(http.getForEntity("/api/openapi", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    ResponseEntity<String> described = http.withBasicAuth("cbmaipha", "demo123").getForEntity("/api/openapi",
        String.class);

    assertThat(described.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(described.getBody()).contains("\"openapi\":\"3.", "Nâng Bước – API của ứng dụng", "\"/api/cases\"",
        "\"/api/funds/{fundId}/receipts\"", "\"/api/admin/reorganisations\"", "\"/api/admin/pathway-migrations\"",
        "\"basic\"");
    assertThat(described.getBody()).doesNotContain("\"/engine-rest", "\"/ho-so");
  }
}
