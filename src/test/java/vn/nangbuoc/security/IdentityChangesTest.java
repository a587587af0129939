package vn.nangbuoc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.input.InvalidInputException;

/**
 * Administrators configure: they cannot make themselves (or another administrator) members of a
 * group that works on cases, on any path into the engine, and every change of a group's members or
 * of an authorization a person makes is in the auditors' log and in the agency head's mail.
 */
@NangBuocSpringTest
class IdentityChangesTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final String APPROVERS = "ldtbxhTpLangSonHead";

  @Autowired
  TestRestTemplate http;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void shouldRefuseAnAdministratorJoiningTheApproversThroughTheRestApi() {
    ResponseEntity<Map<String, Object>> refused =
        put("quantri", "/engine-rest/group/" + APPROVERS + "/members/quantri");

    assertThat(refused.getStatusCode().is4xxClientError()).as(String.valueOf(refused.getBody())).isTrue();
    assertThat(String.valueOf(refused.getBody().get("message"))).contains("Quản trị viên không tự thêm mình");
    assertThat(identityService.createUserQuery().memberOfGroup(APPROVERS).userId("quantri").count()).isZero();
  }

  @Test
  void shouldRefuseAnAdministratorJoiningACaseGroupThroughTheJavaApi() {
    identityService.setAuthentication("quantri", List.of(Groups.CAMUNDA_ADMIN));
    try {
      assertThatThrownBy(() -> identityService.createMembership("quantri", "ubndMaiPha"))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("Quản trị viên không tự thêm mình");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(identityService.createUserQuery().memberOfGroup("ubndMaiPha").userId("quantri").count()).isZero();
  }

  @Test
  void shouldRefuseMakingAnotherAdministratorAnApprover() {
    String colleague = createUser();
    assertThat(put("quantri", "/engine-rest/group/" + Groups.CAMUNDA_ADMIN + "/members/" + colleague)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    ResponseEntity<Map<String, Object>> refused =
        put("quantri", "/engine-rest/group/" + APPROVERS + "/members/" + colleague);

    assertThat(refused.getStatusCode().is4xxClientError()).isTrue();
    assertThat(String.valueOf(refused.getBody().get("message"))).contains("là quản trị viên");
    assertThat(identityService.createUserQuery().memberOfGroup(APPROVERS).userId(colleague).count()).isZero();
  }

  @Test
  void shouldRecordAndAnnounceEveryChangeOfMembersAndRights() {
    String newcomer = createUser();

    assertThat(put("quantri", "/engine-rest/group/" + APPROVERS + "/members/" + newcomer).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(as("quantri").exchange("/engine-rest/group/" + APPROVERS + "/members/" + newcomer, HttpMethod.DELETE,
        null, String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<Map<String, Object>> created = as("quantri").exchange("/engine-rest/authorization/create",
        HttpMethod.POST, new HttpEntity<>(Map.of("type", 1, "permissions", List.of("READ"), "groupId", APPROVERS,
            "resourceType", 8, "resourceId", "ca-" + newcomer)), OBJECT);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
    String authorization = (String) created.getBody().get("id");
    assertThat(as("quantri").exchange("/engine-rest/authorization/" + authorization, HttpMethod.PUT,
        new HttpEntity<>(Map.of("type", 1, "permissions", List.of("READ", "UPDATE"), "groupId", APPROVERS,
            "resourceType", 8, "resourceId", "ca-" + newcomer)), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(as("quantri").exchange("/engine-rest/authorization/" + authorization, HttpMethod.DELETE, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    List<Map<String, Object>> log = as("thanhtra").exchange("/api/identity-changes", HttpMethod.GET, null, LIST)
        .getBody();
    assertThat(log).filteredOn(change -> newcomer.equals(change.get("userId"))
            || String.valueOf(change.get("detail")).contains("ca-" + newcomer))
        .extracting(change -> change.get("actor") + " " + change.get("action") + " " + change.get("groupId"))
        .containsExactlyInAnyOrder("quantri USER_CREATED null", "quantri MEMBERSHIP_ADDED " + APPROVERS,
            "quantri MEMBERSHIP_REMOVED " + APPROVERS,
            "quantri AUTHORIZATION_CREATED " + APPROVERS, "quantri AUTHORIZATION_CHANGED " + APPROVERS,
            "quantri AUTHORIZATION_DELETED " + APPROVERS);
    assertThat(as("quantri").exchange("/api/identity-changes", HttpMethod.GET, null, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // the head of the labour office (tpldtbxh, group ldtbxhTpLangSonHead) hears of each change
    assertThat(jdbc.queryForList("select subject from mail_outbox where kind = 'identity-changed'"
        + " and recipient_user = 'tpldtbxh' and dedup_key like ?", String.class, "%:" + newcomer + ":%"))
        .hasSize(2).allMatch(subject -> subject.contains("Phòng Lao động"));
  }

  @Test
  void shouldRefuseSettingThePasswordOfSomeoneWhoWorksOnCasesAndRecordEveryUserChange() {
    ResponseEntity<Map<String, Object>> refused = as("quantri").exchange("/engine-rest/user/tpldtbxh/credentials",
        HttpMethod.PUT, new HttpEntity<>(Map.of("password", "mat-khau-cua-ke-gian-2026",
            "authenticatedUserPassword", "demo123")), OBJECT);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(String.valueOf(refused.getBody().get("message"))).contains("tự đổi mật khẩu");
    assertThat(identityService.checkPassword("tpldtbxh", "demo123")).as("the approver's own password still works")
        .isTrue();

    // a new user (in no group yet) gets a password from the administrator: recorded, like any profile change
    String created = createUser();
    assertThat(as("quantri").exchange("/engine-rest/user/" + created + "/profile", HttpMethod.PUT,
        new HttpEntity<>(Map.of("id", created, "firstName", "Thử", "lastName", "Lại", "email", "thu@demo.nangbuoc.vn")),
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(jdbc.queryForList("select action from identity_change_log where user_id = ? order by id", String.class,
        created)).containsExactly("USER_CREATED", "USER_CHANGED");
  }

  private String createUser() {
    String id = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    assertThat(as("quantri").exchange("/engine-rest/user/create", HttpMethod.POST, new HttpEntity<>(Map.of(
        "profile", Map.of("id", id, "firstName", "Thử", "lastName", "Nghiệm"),
        "credentials", Map.of("password", "mat-khau-thu-nghiem-2026"))), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    return id;
  }

  private ResponseEntity<Map<String, Object>> put(String user, String path) {
    return as(user).exchange(path, HttpMethod.PUT, null, OBJECT);
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo123");
  }
}
