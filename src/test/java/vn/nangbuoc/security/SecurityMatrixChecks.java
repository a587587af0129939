package vn.nangbuoc.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.nangbuoc.WebappSession;

/**
 * Who may do what to a child's case from Mai Pha, for every demo role, through the engine's REST API
 * (what Tasklist and Cockpit call) and the application's API. Each cell is what the server answered,
 * compared with the matrix below; ids are the real ones, as someone guessing them would use.
 * Runs on H2 and on PostgreSQL.
 */
abstract class SecurityMatrixChecks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Map<String, Object>>> LIST_OF_MAPS = new TypeReference<>() {
  };
  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  /** Actions, in the order of the matrix's columns. */
  enum Action {
    SEE_TASK, COMPLETE_TASK, READ_CASE, READ_INSTANCE, READ_HISTORY, READ_VARIABLES, READ_HISTORIC_VARIABLES,
    OPEN_COCKPIT, OPEN_ADMIN, CREATE_USER, LIST_CHILD, RECORD_WITHDRAWAL, DELETE_INSTANCE, SET_VARIABLE
  }

  /** The expected matrix: Y allowed, - refused. The case is a Mai Pha child waiting for the labour office's review. */
  static final Map<String, String> EXPECTED = new LinkedHashMap<>();

  static {
    //                          task compl case inst hist vars hvar cock admn user list with del  setv
    EXPECTED.put("cbmaipha",    "-    -     Y    Y    Y    Y    Y    -    -    -    Y    Y    -    - ");
    EXPECTED.put("cbhoangdong", "-    -     -    -    -    -    -    -    -    -    -    -    -    - ");
    EXPECTED.put("cvldtbxh",    "Y    Y     Y    Y    Y    Y    Y    -    -    -    Y    Y    -    - ");
    EXPECTED.put("tpldtbxh",    "Y    Y     Y    Y    Y    Y    Y    -    -    -    Y    Y    -    - ");
    EXPECTED.put("pctubnd",     "-    -     Y    Y    Y    Y    Y    -    -    -    -    -    -    - ");
    EXPECTED.put("bsttyt",      "-    -     Y    Y    Y    Y    Y    -    -    -    -    -    -    - ");
    EXPECTED.put("cvtaichinh",  "-    -     Y    Y    Y    Y    Y    -    -    -    -    -    -    - ");
    EXPECTED.put("thanhtra",    "-    -     Y    Y    Y    Y    Y    Y    -    -    -    -    -    - ");
    // issue 17, item 9: nobody, the administrator included, writes process variables directly
    EXPECTED.put("quantri",     "Y    -     -    Y    Y    Y    Y    Y    Y    Y    -    -    Y    - ");
  }

  @Autowired
  TestRestTemplate http;

  @Test
  void shouldAllowEachRoleExactlyWhatTheMatrixSays() {
    Map<String, String> actual = new LinkedHashMap<>();
    for (String user : EXPECTED.keySet()) {
      StringBuilder row = new StringBuilder();
      for (Action action : Action.values()) {
        row.append(allowed(user, action) ? "Y" : "-");
      }
      actual.put(user, row.toString());
    }
    Map<String, String> expected = new TreeMap<>();
    EXPECTED.forEach((user, cells) -> expected.put(user, cells.replace(" ", "")));
    assertThat(new TreeMap<>(actual)).as("rows: user → " + List.of(Action.values())).isEqualTo(expected);
  }

  @Test
  void shouldShowAHoangDongCaseworkerNoTraceOfAMaiPhaChild() {
    Map<String, Object> child = listMaiPhaChild();
    String pathway = (String) child.get("processInstanceId");
    String task = taskOf("cvldtbxh", pathway);

    assertThat(list("cbhoangdong", "/engine-rest/task?maxResults=500"))
        .noneMatch(t -> pathway.equals(t.get("processInstanceId")));
    assertThat(get("cbhoangdong", "/engine-rest/task/" + task, OBJECT).getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(get("cbhoangdong", "/engine-rest/task/" + task + "/form-variables", OBJECT).getStatusCode()
        .is2xxSuccessful()).isFalse();
    assertThat(list("cbhoangdong", "/engine-rest/history/task?maxResults=500"))
        .noneMatch(t -> pathway.equals(t.get("processInstanceId")));
    assertThat(list("cbhoangdong", "/engine-rest/process-instance?maxResults=500"))
        .noneMatch(p -> pathway.equals(p.get("id")));
    assertThat(list("cbhoangdong",
        "/engine-rest/history/activity-instance?maxResults=500&processInstanceId=" + pathway))
        .isEmpty();
    assertThat(get("cbhoangdong", "/api/cases/" + child.get("id"), OBJECT).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    for (Map<String, Object> filter : list("cbhoangdong", "/engine-rest/filter?resourceType=Task&maxResults=50")) {
      assertThat(list("cbhoangdong", "/engine-rest/filter/" + filter.get("id") + "/list?maxResults=500"))
          .as("filter " + filter.get("name")).noneMatch(t -> pathway.equals(t.get("processInstanceId")));
    }
  }

  @Test
  void shouldMoveTheCaseToTheNewCommuneWithTheChild() {
    Map<String, Object> child = listMaiPhaChild();
    String pathway = (String) child.get("processInstanceId");

    assertThat(post("cvldtbxh", "/api/cases/" + child.get("id") + "/move", Map.of("communeCode", "HOANGDONG")))
        .isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(get("cbhoangdong", "/api/cases/" + child.get("id"), OBJECT).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("cbhoangdong", "/engine-rest/process-instance/" + pathway, OBJECT).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("cbmaipha", "/api/cases/" + child.get("id"), OBJECT).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("cbmaipha", "/engine-rest/process-instance/" + pathway, OBJECT).getStatusCode().is2xxSuccessful())
        .isFalse();
    assertThat(list("cbmaipha", "/engine-rest/history/process-instance?maxResults=5&processInstanceId=" + pathway))
        .isEmpty();
  }

  /** Signed in at the one login, a webapp's change without its CSRF header is refused; with it, it is made. */
  @Test
  void shouldKeepTheWebappsCsrfProtectionOn() {
    String task = taskOf("cvldtbxh", pathwayOfNewChild());
    String claim = "/camunda/api/engine/engine/default/task/" + task + "/claim";
    WebappSession session = WebappSession.signIn(http, "cvldtbxh");
    HttpHeaders forged = new HttpHeaders();
    forged.add(HttpHeaders.COOKIE, session.session());

    ResponseEntity<String> refused = http.exchange(claim, HttpMethod.POST,
        new HttpEntity<>(Map.of("userId", "cvldtbxh"), forged), String.class);
    Object assigneeAfterForgery = get("cvldtbxh", "/engine-rest/task/" + task, OBJECT).getBody().get("assignee");
    WebappSession again = WebappSession.signIn(http, "cvldtbxh");
    ResponseEntity<String> claimed = http.exchange(claim, HttpMethod.POST,
        new HttpEntity<>(Map.of("userId", "cvldtbxh"), again.headers()), String.class);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(assigneeAfterForgery).isNull();
    assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void shouldRecordEveryReadOfACaseForAuditorsOnly() {
    Map<String, Object> child = listMaiPhaChild();
    String task = taskOf("cvldtbxh", (String) child.get("processInstanceId"));
    get("cbmaipha", "/api/cases/" + child.get("id"), OBJECT);
    get("cvldtbxh", "/engine-rest/task/" + task + "/form-variables", OBJECT);

    List<Map<String, Object>> log = list("thanhtra", "/api/cases/" + child.get("id") + "/access-log");

    assertThat(log).extracting(a -> a.get("userId") + "/" + a.get("channel"))
        .contains("cbmaipha/API", "cvldtbxh/TASK_FORM");
    assertThat(get("cbmaipha", "/api/cases/" + child.get("id") + "/access-log", OBJECT).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("cbmaipha").exchange("/api/cases/" + child.get("id") + "/access-log", HttpMethod.DELETE, null,
        String.class).getStatusCode().is2xxSuccessful()).isFalse();
  }

  @Test
  void shouldRefuseAJavaSerializedVariableEvenFromAnAdministrator() {
    String pathway = (String) listMaiPhaChild().get("processInstanceId");
    Map<String, Object> serialized = Map.of("type", "Object", "value", "rO0ABXQABGV2aWw=",
        "valueInfo", Map.of("objectTypeName", "java.lang.String",
            "serializationDataFormat", "application/x-java-serialized-object"));

    ResponseEntity<Map<String, Object>> refused = as("quantri").exchange(
        "/engine-rest/process-instance/" + pathway + "/variables/payload", HttpMethod.PUT,
        new HttpEntity<>(serialized), OBJECT);

    assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
    // refused before the engine reads the value at all (issue 17, item 9: no user writes variables directly)
    assertThat(String.valueOf(refused.getBody().get("message")))
        .isEqualTo("Không được ghi trực tiếp dữ liệu của quy trình: hãy nhập qua biểu mẫu của công việc.");
  }

  @Test
  void shouldSlowDownLoginAfterAWrongPassword() {
    assertThat(http.withBasicAuth("cbquanglac", "sai-mat-khau").getForEntity("/api/cases/1", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // the right password right after a wrong one is refused too: the identity service makes the user wait
    assertThat(http.withBasicAuth("cbquanglac", "demo123").getForEntity("/engine-rest/task?maxResults=1", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldSendSecurityHeadersWithTheApi() {
    ResponseEntity<String> response = as("cbmaipha").getForEntity("/api/cases/" + listMaiPhaChild().get("id"),
        String.class);

    assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.getHeaders().getFirst("Cache-Control")).contains("no-store");
    assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'");
  }

  private boolean allowed(String user, Action action) {
    return switch (action) {
      case SEE_TASK ->
          !list(user, "/engine-rest/task?maxResults=50&processInstanceId=" + pathwayOfNewChild()).isEmpty();
      case COMPLETE_TASK -> {
        String task = taskOf("cvldtbxh", pathwayOfNewChild());
        yield post(user, "/engine-rest/task/" + task + "/submit-form",
            Map.of("variables", Map.of("listingDecision", Map.of("value", "ACCEPT")))).is2xxSuccessful();
      }
      case READ_CASE ->
          get(user, "/api/cases/" + listMaiPhaChild().get("id"), OBJECT).getStatusCode().is2xxSuccessful();
      case READ_INSTANCE -> get(user, "/engine-rest/process-instance/" + pathwayOfNewChild(), OBJECT).getStatusCode()
          .is2xxSuccessful();
      case READ_HISTORY -> !list(user, "/engine-rest/history/process-instance?maxResults=50&processInstanceId="
          + pathwayOfNewChild()).isEmpty();
      case READ_VARIABLES -> get(user, "/engine-rest/process-instance/" + pathwayOfNewChild() + "/variables", OBJECT)
          .getStatusCode().is2xxSuccessful();
      case READ_HISTORIC_VARIABLES -> !list(user,
          "/engine-rest/history/variable-instance?maxResults=50&processInstanceId=" + pathwayOfNewChild()).isEmpty();
      case OPEN_COCKPIT -> mayAccess(user, "cockpit");
      case OPEN_ADMIN -> mayAccess(user, "admin");
      case CREATE_USER -> post(user, "/engine-rest/user/create", Map.of("profile", Map.of(
              "id", "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
              "firstName", "Thử", "lastName", "Nghiệm"),
          "credentials", Map.of("password", "mat-khau-thu-nghiem-2026"))).is2xxSuccessful();
      case LIST_CHILD -> post(user, "/api/cases", childBody(Map.of("communeCode", "MAIPHA"))).is2xxSuccessful();
      case RECORD_WITHDRAWAL -> post(user, "/api/cases/" + listMaiPhaChild().get("id") + "/withdrawal",
          Map.of("reason", "Gia đình chuyển đi nơi khác")).is2xxSuccessful();
      case DELETE_INSTANCE -> as(user).exchange("/engine-rest/process-instance/" + pathwayOfNewChild(),
          HttpMethod.DELETE, null, String.class).getStatusCode().is2xxSuccessful();
      case SET_VARIABLE -> as(user).exchange("/engine-rest/process-instance/" + pathwayOfNewChild()
              + "/variables/listingDecision", HttpMethod.PUT,
          new HttpEntity<>(Map.of("value", "ACCEPT", "type", "String")), String.class)
          .getStatusCode().is2xxSuccessful();
    };
  }

  /** Every cell gets a child of its own: what one user did must not decide another's cell. */
  private String pathwayOfNewChild() {
    return (String) listMaiPhaChild().get("processInstanceId");
  }

  private boolean mayAccess(String user, String application) {
    Map<String, Object> check = get(user,
        "/engine-rest/authorization/check?permissionName=ACCESS&resourceName=Application&resourceType=0&resourceId="
            + application, OBJECT).getBody();
    return Boolean.TRUE.equals(check.get("authorized"));
  }

  private Map<String, Object> listMaiPhaChild() {
    ResponseEntity<Map<String, Object>> created = as("cbmaipha").exchange("/api/cases", HttpMethod.POST,
        new HttpEntity<>(childBody(Map.of())), OBJECT);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody();
  }

  private String taskOf(String user, String pathway) {
    List<Map<String, Object>> tasks = list(user, "/engine-rest/task?maxResults=5&processInstanceId=" + pathway);
    assertThat(tasks).hasSize(1);
    return (String) tasks.get(0).get("id");
  }

  private static Map<String, Object> childBody(Map<String, Object> extra) {
    Map<String, Object> body = new LinkedHashMap<>(Map.of("fullName", "Vi Thị Thảo", "dateOfBirth", "01/02/2021",
        "sex", "FEMALE", "address", "Thôn Nà Sèn", "conditionGroup", "EYE", "caregiverName", "Vi Văn Hải",
        "caregiverRelation", "FATHER", "newChildConfirmed", true)); // the same child in every test, each a new one
    body.putAll(extra);
    return body;
  }

  /** A list the server gave; an error answer (refused, unknown) counts as an empty list. */
  private List<Map<String, Object>> list(String user, String path) {
    ResponseEntity<String> answer = as(user).exchange(path, HttpMethod.GET, null, String.class);
    if (!answer.getStatusCode().is2xxSuccessful() || answer.getBody() == null || !answer.getBody().startsWith("[")) {
      assertThat(answer.getStatusCode().is5xxServerError()).as(path + " → " + answer.getBody()).isFalse();
      return List.of();
    }
    try {
      return JSON.readValue(answer.getBody(), LIST_OF_MAPS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(path + " answered " + answer.getBody(), e);
    }
  }

  private <T> ResponseEntity<T> get(String user, String path, ParameterizedTypeReference<T> type) {
    return as(user).exchange(path, HttpMethod.GET, null, type);
  }

  private HttpStatus post(String user, String path, Object body) {
    return HttpStatus.valueOf(as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), String.class)
        .getStatusCode().value());
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo123");
  }
}
