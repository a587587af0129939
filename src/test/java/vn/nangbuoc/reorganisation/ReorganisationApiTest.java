package vn.nangbuoc.reorganisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.system.EngineTime;

/**
 * Reorganisations over HTTP: administrators upload (and get the preview), auditors and administrators read,
 * nobody else; a change set not yet in effect is previewed with that problem and refused at apply, in
 * Vietnamese, changing nothing. (Applying one is the city reform scenario's, on its own database.)
 */
@NangBuocSpringTest
class ReorganisationApiTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final String NEXT_YEARS_RENAME = """
      name: "Đổi tên xã Mai Pha (thử)"
      effective: 2099-01-01
      changes:
        - rename: {unit: MAIPHA, name: "Mai Pha Mới"}
      """;

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldPreviewForAdministratorsAndRefuseToApplyBeforeTheDay() {
    assertThat(upload("cbmaipha", NEXT_YEARS_RENAME).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<Map<String, Object>> uploaded = upload("quantri", NEXT_YEARS_RENAME);

    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> body = uploaded.getBody();
    assertThat(body.get("statusLabel")).isEqualTo("Đã xem trước");
    @SuppressWarnings("unchecked")
    List<String> problems = (List<String>) ((Map<String, Object>) body.get("preview")).get("problems");
    assertThat(problems).singleElement().asString().contains("Chưa đến ngày hiệu lực 01/01/2099");
    // the preview renamed the commune in a transaction that was rolled back
    assertThat(jdbc.sql("select name from administrative_unit where code = 'MAIPHA'").query(String.class).single())
        .isEqualTo("Mai Pha");

    Object id = body.get("id");
    ResponseEntity<Map<String, Object>> applied = http.withBasicAuth("quantri", "demo123").exchange(
        "/api/admin/reorganisations/" + id + "/apply", HttpMethod.POST, null, OBJECT);
    assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(applied.getBody().get("message").toString()).contains("Chưa đến ngày hiệu lực 01/01/2099");
    assertThat(jdbc.sql("select name from administrative_unit where code = 'MAIPHA'").query(String.class).single())
        .isEqualTo("Mai Pha");

    assertThat(http.withBasicAuth("thanhtra", "demo123").exchange("/api/admin/reorganisations/" + id,
        HttpMethod.GET, null, OBJECT).getBody()).containsEntry("uploadedBy", "quantri");
    assertThat(http.withBasicAuth("cvldtbxh", "demo123").exchange("/api/admin/reorganisations/" + id,
        HttpMethod.GET, null, OBJECT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  /** Applied by an administrator over HTTP: the system's part runs beyond the administrator's query limits. */
  @Test
  void shouldApplyAChangeSetInEffectAndChangeNothingTheSecondTime() {
    String newWard = """
        name: "Thêm và đổi tên một huyện thử (chưa có xã, nên không có việc nào)"
        effective: 2025-07-01
        units:
          - {code: T19API, name: Thử, type: Huyện, level: DISTRICT, parent: LANGSON}
        changes:
          - rename: {unit: T19API, name: "Thử Mới"}
        """;
    Object id = upload("quantri", newWard).getBody().get("id");

    for (int time = 0; time < 2; time++) {
      ResponseEntity<Map<String, Object>> applied = http.withBasicAuth("quantri", "demo123").exchange(
          "/api/admin/reorganisations/" + id + "/apply", HttpMethod.POST, null, OBJECT);
      assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(applied.getBody()).containsEntry("status", "APPLIED").containsEntry("appliedBy", "quantri");
    }
    assertThat(jdbc.sql("select name from administrative_unit where code = 'T19API'").query(String.class).single())
        .isEqualTo("Thử Mới");
  }

  /**
   * One run at a time, whichever node or request started it: while another run says it is alive the apply is
   * refused in Vietnamese and changes nothing (no case carried twice, no fund moved twice); a run silent for longer
   * than the lease (its node died) is taken over.
   */
  @Test
  void shouldRefuseASecondRunWhileAnotherAppliesAndTakeOverASilentOne() {
    String rename = """
        name: "Một huyện thử cho hai lần áp dụng cùng lúc"
        effective: 2025-07-01
        units:
          - {code: T19RUN, name: Thử, type: Huyện, level: DISTRICT, parent: LANGSON}
        changes:
          - rename: {unit: T19RUN, name: "Thử Đã Áp Dụng"}
        """;
    Object id = upload("quantri", rename).getBody().get("id");
    jdbc.sql("update reorganisation set runner = 'node-2/khac', runner_seen_at = ? where id = ?")
        .params(Timestamp.from(EngineTime.now()), id).update();

    ResponseEntity<Map<String, Object>> refused = apply(id);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains("đang được áp dụng", "máy chủ khác");
    assertThat(jdbc.sql("select status from reorganisation where id = ?").param(id).query(String.class).single())
        .isEqualTo("PREVIEWED");
    assertThat(jdbc.sql("select count(*) from administrative_unit where code = 'T19RUN'").query(Long.class)
        .single()).isZero();

    jdbc.sql("update reorganisation set runner_seen_at = ? where id = ?")
        .params(Timestamp.from(EngineTime.now().minus(Duration.ofMinutes(3))), id).update();
    ResponseEntity<Map<String, Object>> takenOver = apply(id);
    assertThat(takenOver.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(takenOver.getBody()).containsEntry("status", "APPLIED");
    assertThat(jdbc.sql("select name from administrative_unit where code = 'T19RUN'").query(String.class).single())
        .isEqualTo("Thử Đã Áp Dụng");
    assertThat(jdbc.sql("select count(*) from reorganisation where id = ? and runner is null").param(id)
        .query(Long.class).single()).as("let go at the end").isEqualTo(1);
  }

  private ResponseEntity<Map<String, Object>> apply(Object id) {
    return http.withBasicAuth("quantri", "demo123").exchange("/api/admin/reorganisations/" + id + "/apply",
        HttpMethod.POST, null, OBJECT);
  }

  @Test
  void shouldSayWhatIsWrongWithAChangeSetThatCannotBeRead() {
    ResponseEntity<Map<String, Object>> refused = upload("quantri", "name: thử\nchanges:\n  - merge: [MAIPHA]\n");

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("message").toString()).contains("ngày hiệu lực", "into");
  }

  private ResponseEntity<Map<String, Object>> upload(String user, String yaml) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("application/yaml"));
    return http.withBasicAuth(user, "demo123").exchange("/api/admin/reorganisations", HttpMethod.POST,
        new HttpEntity<>(yaml, headers), OBJECT);
  }
}
