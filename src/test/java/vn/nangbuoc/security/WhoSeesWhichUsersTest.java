package vn.nangbuoc.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import vn.nangbuoc.NangBuocSpringTest;

/** Colleagues of an agency see each other; nobody but the administrators lists every user. */
@NangBuocSpringTest
class WhoSeesWhichUsersTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate http;
  @Autowired
  IdentityService identityService;

  @Test
  void shouldListToACommuneCaseworkerOnlyTheUsersOfTheirAgency() {
    Set<String> maiPha = membersOf("ubndMaiPha", "ubndMaiPhaHead");

    assertThat(ids("cbmaipha", "/engine-rest/user?maxResults=500")).isEqualTo(maiPha).contains("cbmaipha");
    assertThat(count("cbmaipha", "/engine-rest/user/count")).isEqualTo(maiPha.size());
    assertThat(ids("cbmaipha", "/engine-rest/group?maxResults=500"))
        .containsExactlyInAnyOrder("ubndMaiPha", "ubndMaiPhaHead");
    assertThat(http.withBasicAuth("cbmaipha", "demo123").getForEntity("/engine-rest/user/cbhoangdong/profile",
        String.class).getStatusCode().is2xxSuccessful()).isFalse();
  }

  @Test
  void shouldListToTheCityOfficeItsOwnStaffOnly() {
    assertThat(ids("cvldtbxh", "/engine-rest/user?maxResults=500")).contains("cvldtbxh", "tpldtbxh")
        .doesNotContain("cbmaipha", "bsttyt", "quantri");
  }

  @Test
  void shouldListEveryUserToTheAdministrator() {
    long all = identityService.createUserQuery().count();

    assertThat(ids("quantri", "/engine-rest/user?maxResults=500")).hasSize((int) all)
        .contains("cbmaipha", "cbhoangdong");
    assertThat(count("quantri", "/engine-rest/user/count")).isEqualTo(all);
  }

  @Test
  void shouldShowANewMemberToTheAgencysGroupsAtOnce() {
    User newcomer = identityService.newUser("cbmaiphamoi");
    newcomer.setFirstName("Cán bộ");
    newcomer.setLastName("Mới");
    newcomer.setPassword("demo123");
    identityService.saveUser(newcomer);
    try {
      identityService.createMembership("cbmaiphamoi", "ubndMaiPha");

      assertThat(ids("cbmaipha", "/engine-rest/user?maxResults=500")).contains("cbmaiphamoi");
      assertThat(ids("cbhoangdong", "/engine-rest/user?maxResults=500")).doesNotContain("cbmaiphamoi");
    } finally {
      identityService.deleteUser("cbmaiphamoi");
    }
  }

  private Set<String> membersOf(String... groups) {
    return java.util.Arrays.stream(groups)
        .flatMap(g -> identityService.createUserQuery().memberOfGroup(g).list().stream())
        .map(User::getId).collect(Collectors.toSet());
  }

  private Set<String> ids(String user, String path) {
    var answer = http.withBasicAuth(user, "demo123").exchange(path, HttpMethod.GET, null, LIST);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    return answer.getBody().stream().map(u -> (String) u.get("id")).collect(Collectors.toSet());
  }

  private long count(String user, String path) {
    Map<?, ?> answer = http.withBasicAuth(user, "demo123").getForObject(path, Map.class);
    return ((Number) answer.get("count")).longValue();
  }
}
