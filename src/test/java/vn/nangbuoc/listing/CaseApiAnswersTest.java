package vn.nangbuoc.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.nangbuoc.NangBuocSpringTest;

/**
 * The JSON of the case, erasure and notification APIs, as clients read and send it: the fields of an answer in
 * their order, unknown fields ignored, a missing or mistyped field refused with its Vietnamese sentence.
 */
@NangBuocSpringTest
class CaseApiAnswersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  TestRestTemplate http;

  @Test
  void shouldAnswerACaseWithItsFieldsInOrderAndIgnoreUnknownFields() throws Exception {
    Map<String, Object> child = child();
    child.put("favouriteColour", "xanh");

    ResponseEntity<String> created = send("cbmaipha", HttpMethod.POST, "/api/cases", child);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode summary = JSON.readTree(created.getBody());
    assertThat(names(summary)).containsExactly("id", "caseNumber", "fullName", "age", "communeCode", "commune",
        "status", "closureOutcome", "processInstanceId", "openTasks", "programme", "planYear");
    assertThat(summary.get("closureOutcome").isNull()).isTrue();
    assertThat(summary.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/cases/" + summary.get("id").asLong());
    JsonNode read = JSON.readTree(send("cbmaipha", HttpMethod.GET, "/api/cases/" + summary.get("id"), null)
        .getBody());
    assertThat(names(read)).isEqualTo(names(summary));
    for (JsonNode task : read.get("openTasks")) {
      assertThat(names(task)).containsExactly("id", "key", "name", "due");
    }
  }

  @Test
  void shouldRefuseMissingAndMistypedFieldsInVietnamese() throws Exception {
    Map<String, Object> child = child();
    child.remove("fullName");
    child.put("sex", 1);
    assertRefused(send("cbmaipha", HttpMethod.POST, "/api/cases", child),
        "Chưa nhập họ và tên của trẻ.", "Giới tính phải là văn bản.");

    long id = JSON.readTree(send("cbmaipha", HttpMethod.POST, "/api/cases", child()).getBody()).get("id").asLong();
    assertRefused(send("cbmaipha", HttpMethod.POST, "/api/cases/" + id + "/withdrawal", Map.of("reason", 42)),
        "Lý do gia đình rút khỏi chương trình phải là văn bản.");
    assertRefused(send("cbmaipha", HttpMethod.POST, "/api/cases/" + id + "/move", Map.of()),
        "Chưa nhập mã xã/phường mới.");
    assertRefused(send("quantri", HttpMethod.POST, "/api/admin/case-erasures", Map.of("caseNumber", List.of())),
        "Số hồ sơ phải là văn bản.", "Chưa nhập lý do xóa.");
  }

  @Test
  void shouldAnswerTheDeliveryChoiceAsItIsAndRefuseAnyOther() throws Exception {
    String before = JSON.readTree(send("cbquanglac", HttpMethod.GET, "/api/me/notifications", null).getBody())
        .get("mode").asText();
    try {
      ResponseEntity<String> chosen = send("cbquanglac", HttpMethod.PUT, "/api/me/notifications",
          Map.of("mode", "DIGEST", "extra", true));
      assertThat(chosen.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(chosen.getBody()).isEqualTo("{\"mode\":\"DIGEST\"}");
      assertThat(send("cbquanglac", HttpMethod.GET, "/api/me/notifications", null).getBody())
          .isEqualTo("{\"mode\":\"DIGEST\"}");
      assertRefused(send("cbquanglac", HttpMethod.PUT, "/api/me/notifications", Map.of("mode", "LOUD")),
          "Cách nhận thư (IMMEDIATE, DIGEST hoặc NONE) không nằm trong danh sách được chọn.");
      assertRefused(send("cbquanglac", HttpMethod.PUT, "/api/me/notifications", Map.of("mode", 2)),
          "Cách nhận thư (IMMEDIATE, DIGEST hoặc NONE) phải là văn bản.");
    } finally {
      send("cbquanglac", HttpMethod.PUT, "/api/me/notifications", Map.of("mode", before));
    }
  }

  private static void assertRefused(ResponseEntity<String> answer, String... messages) throws Exception {
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = JSON.readTree(answer.getBody());
    assertThat(body.get("message").asText()).isEqualTo(String.join(" ", messages));
  }

  private ResponseEntity<String> send(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo123").exchange(path, method, new HttpEntity<>(body, headers),
        String.class);
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Map<String, Object> child() {
    StringBuilder given = new StringBuilder("Ân");
    for (int i = 0; i < 7; i++) {
      given.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    Map<String, Object> child = new LinkedHashMap<>();
    child.put("communeCode", "MAIPHA");
    child.put("fullName", "Lương Văn " + given);
    child.put("dateOfBirth", "05/06/2021");
    child.put("sex", "MALE");
    child.put("address", "Thôn Khòn Khuyến");
    child.put("conditionGroup", "CLEFT_LIP_PALATE");
    child.put("caregiverName", "Lương Thị Hằng");
    child.put("caregiverRelation", "MOTHER");
    return child;
  }
}
