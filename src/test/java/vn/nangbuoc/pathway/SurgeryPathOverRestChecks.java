package vn.nangbuoc.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application on its HTTP port: one child listed through the API and carried through the
 * surgery path task by task through the engine's REST API (as Tasklist does), each step by the demo
 * user of the responsible agency. Runs on H2 ({@link SurgeryPathOverRestTest}) and on PostgreSQL
 * ({@link SurgeryPathOverRestPostgresIT}).
 */
abstract class SurgeryPathOverRestChecks {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };
  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void shouldTakeAChildFromListingToAClosedCaseAsEachResponsibleUser() {
    Map<String, Object> listed = listChild("cbmaipha");
    String pathway = (String) listed.get("processInstanceId");
    assertThat((String) listed.get("caseNumber")).startsWith("TPLANGSON-");

    submit("cvldtbxh", pathway, "Task_ReviewListing", Map.of("listingDecision", "ACCEPT"));
    submit("bsttyt", pathway, "Task_RecordScreening", Map.of("indication", "SURGERY",
        "record_screeningDate", LocalDate.now().toString(), "record_conditionGroup", "CLEFT_LIP_PALATE",
        "record_finding", "Khe hở môi trái", "record_doctor", ""));
    submit("cvldtbxh", pathway, "Task_PrepareReferral", Map.of("record_hospital", "Bệnh viện Nhi Trung ương",
        "record_procedure", "Tạo hình môi", "record_estimatedCost", 15_000_000, "familyConsent", "true",
        "record_referralNote", ""));
    Map<String, Object> approval = singleTask("tpldtbxh", pathway);
    assertThat(formContext("tpldtbxh", approval))
        .containsEntry("case_referral_estimatedCost", "15.000.000 đồng")
        .containsEntry("case_referral_recordedBy", "Trần Thị Lan")
        .containsEntry("case_referral_hospital", "Bệnh viện Nhi Trung ương");
    submit("tpldtbxh", pathway, "Task_ApproveFunding", Map.of("fundingDecision", "APPROVED"));
    submit("cvtaichinh", pathway, "Task_RecordDisbursement", Map.of("record_amountPaid", 14_800_000,
        "record_paidOn", LocalDate.now().toString(), "record_payee", "HOSPITAL", "record_voucherNumber", "PC-118"));
    submit("cvldtbxh", pathway, "Task_RecordSurgeryResult", Map.of("surgeryStatus", "DONE",
        "record_surgeryDate", LocalDate.now().toString(), "record_surgeryOutcome", "Tốt"));
    submit("cvtaichinh", pathway, "Task_SettleCosts", Map.of("record_actualCost", 15_200_000,
        "record_invoiceNumber", "HĐ-118"));
    for (int visit = 0; visit < 3; visit++) {
      executeTimer(pathway);
      submit("cbmaipha", pathway, "Task_FollowUpVisit", Map.of("record_visitDate", LocalDate.now().toString(),
          "record_childState", "Vết mổ lành", "record_moreServicesNeeded", "false"));
    }
    submit("cvldtbxh", pathway, "Task_CloseCase", Map.of("closureOutcome", "SURGERY_COMPLETED"));

    Map<String, Object> closed = as("cbmaipha").exchange("/api/cases/" + listed.get("id"), HttpMethod.GET, null, OBJECT)
        .getBody();
    assertThat(closed).containsEntry("status", "CLOSED").containsEntry("closureOutcome", "SURGERY_COMPLETED");
    assertThat((List<?>) closed.get("openTasks")).isEmpty();
  }

  @Test
  void shouldRouteTheReferralsAuthorsApprovalToHisSubstituteThroughTheRestApi() {
    String pathway = (String) listChild("cbmaipha").get("processInstanceId");
    submit("cvldtbxh", pathway, "Task_ReviewListing", Map.of("listingDecision", "ACCEPT"));
    submit("bsttyt", pathway, "Task_RecordScreening", Map.of("indication", "SURGERY",
        "record_screeningDate", LocalDate.now().toString(), "record_conditionGroup", "EYE", "record_finding", "Lác"));
    // the office head prepares the referral himself (he is also a member of the office's staff group) ...
    submit("tpldtbxh", pathway, "Task_PrepareReferral", Map.of("record_hospital", "Bệnh viện Mắt Trung ương",
        "record_procedure", "Phẫu thuật lác", "record_estimatedCost", 9_000_000, "familyConsent", "true"));

    // ... so the approval goes to his deputy, the substitute the organisation names: he neither sees it ...
    List<Map<String, Object>> his = as("tpldtbxh").exchange("/engine-rest/task?maxResults=50&processInstanceId="
        + pathway, HttpMethod.GET, null, LIST).getBody();
    assertThat(his).isEmpty();
    Map<String, Object> approval = singleTask("pptldtbxh", pathway);
    assertThat(approval).containsEntry("taskDefinitionKey", "Task_ApproveFunding");

    // ... nor may decide it by its id
    ResponseEntity<Map<String, Object>> refused = as("tpldtbxh").exchange(
        "/engine-rest/task/" + approval.get("id") + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", typed(Map.of("fundingDecision", "APPROVED")))), OBJECT);
    assertThat(refused.getStatusCode().is4xxClientError()).as(String.valueOf(refused.getBody())).isTrue();
    assertThat(singleTask("pptldtbxh", pathway)).containsEntry("id", approval.get("id"));

    submit("pptldtbxh", pathway, "Task_ApproveFunding", Map.of("fundingDecision", "APPROVED"));
    assertThat(singleTask("cvtaichinh", pathway)).containsEntry("taskDefinitionKey", "Task_RecordDisbursement");
  }

  @Test
  void shouldRefuseABrokenSubmissionWithAVietnameseMessageAndChangeNothing() {
    String pathway = (String) listChild("cbmaipha").get("processInstanceId");
    Map<String, Object> review = singleTask("cvldtbxh", pathway);

    ResponseEntity<Map<String, Object>> refused = as("cvldtbxh").exchange(
        "/engine-rest/task/" + review.get("id") + "/complete", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", typed(Map.of("listingDecision", "RETURN")))), OBJECT);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).contains("Hãy ghi lý do trả lại");
    assertThat(singleTask("cvldtbxh", pathway)).containsEntry("id", review.get("id"));
  }

  @Test
  void shouldRefuseATaskToSomeoneOutsideTheResponsibleAgency() {
    String pathway = (String) listChild("cbmaipha").get("processInstanceId");
    Map<String, Object> review = singleTask("cvldtbxh", pathway);

    ResponseEntity<Map<String, Object>> refused = as("cbhoangdong").exchange(
        "/engine-rest/task/" + review.get("id") + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", typed(Map.of("listingDecision", "ACCEPT")))), OBJECT);

    // the engine's authorization check refuses first (the task listener would refuse too, see the process test)
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(singleTask("cvldtbxh", pathway)).containsEntry("id", review.get("id"));
  }

  @Test
  void shouldRefuseAListingWithVietnameseMessagesAndCreateNothing() {
    Map<String, Object> child = new LinkedHashMap<>(childBody());
    child.put("personalId", "12345");
    child.put("dateOfBirth", "31/02/2020");
    long before = caseFiles();

    ResponseEntity<Map<String, Object>> refused = as("cbmaipha").exchange("/api/cases", HttpMethod.POST,
        new HttpEntity<>(child), OBJECT);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message"))
        .contains("Số định danh cá nhân không hợp lệ").contains("Ngày sinh không đúng dạng ngày");
    assertThat(caseFiles()).isEqualTo(before);
  }

  @Test
  void shouldRefuseListingAChildInACommuneTheCaseworkerDoesNotServe() {
    Map<String, Object> child = new LinkedHashMap<>(childBody());
    child.put("communeCode", "HOANGDONG");
    long before = caseFiles();

    ResponseEntity<Map<String, Object>> refused = as("cbmaipha").exchange("/api/cases", HttpMethod.POST,
        new HttpEntity<>(child), OBJECT);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).contains("Bạn không phụ trách Xã Hoàng Đồng");
    assertThat(caseFiles()).isEqualTo(before);
  }

  @Test
  void shouldRefuseAStartThatClaimsAnotherChildsCase() {
    Map<String, Object> listed = listChild("cbmaipha");
    long caseId = ((Number) listed.get("id")).longValue();

    ResponseEntity<Map<String, Object>> forged = as("cbmaipha").exchange(
        "/engine-rest/process-definition/key/child-pathway/start", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", Map.of("caseId", Map.of("value", caseId, "type", "Long"),
            "record_personalId", Map.of("value", "009999999999")))), OBJECT);

    assertThat(forged.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat((String) forged.getBody().get("message")).contains("đã có lộ trình");
    assertThat(jdbc.queryForObject("select count(*) from case_step_record where case_id = ?", Long.class, caseId))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from act_ru_variable where text_ = '009999999999'", Long.class))
        .isZero();
  }

  @Test
  void shouldAnswerAnonymousCallsWith401() {
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.postForEntity("/engine-rest/process-definition/key/child-pathway/start", Map.of(), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.getForEntity("/api/cases/1", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(http.postForEntity("/api/cases", childBody(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    // a user no other test logs in as: the identity service delays the next login after a wrong password
    assertThat(http.withBasicAuth("thanhtra", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldReportTheEngineAndTheDatabaseAsHealthy() {
    Map<String, Object> health = http.exchange("/actuator/health", HttpMethod.GET, null, OBJECT).getBody();

    assertThat(health).containsEntry("status", "UP");
    assertThat((Map<String, Object>) health.get("components")).containsKeys("db", "processEngine")
        .containsEntry("mail", Map.of("status", "UP"));
  }

  private Map<String, Object> listChild(String user) {
    ResponseEntity<Map<String, Object>> created = as(user).exchange("/api/cases", HttpMethod.POST,
        new HttpEntity<>(childBody()), OBJECT);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return created.getBody();
  }

  private static Map<String, Object> childBody() {
    return Map.of("fullName", "Lương Văn Tú", "dateOfBirth", "05/06/2020", "sex", "MALE", "ethnicity", "Tày",
        "address", "Thôn Khòn Khuyến", "conditionGroup", "CLEFT_LIP_PALATE", "caregiverName", "Lương Thị Hằng",
        "caregiverRelation", "MOTHER", "caregiverPhone", "0987654321",
        "newChildConfirmed", true); // the same child in every test: listed again as a new child each time
  }

  private Map<String, Object> singleTask(String user, String pathway) {
    List<Map<String, Object>> tasks = as(user).exchange("/engine-rest/task?maxResults=50&processInstanceId=" + pathway,
        HttpMethod.GET, null, LIST).getBody();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private void submit(String user, String pathway, String taskKey, Map<String, Object> variables) {
    Map<String, Object> task = singleTask(user, pathway);
    assertThat(task).containsEntry("taskDefinitionKey", taskKey);
    assertThat(formContext(user, task)).containsKey("case_header");
    ResponseEntity<String> done = as(user).exchange("/engine-rest/task/" + task.get("id") + "/submit-form",
        HttpMethod.POST, new HttpEntity<>(Map.of("variables", typed(variables))), String.class);
    assertThat(done.getStatusCode()).as(taskKey + ": " + done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private Map<String, Object> formContext(String user, Map<String, Object> task) {
    Map<String, Object> variables = as(user).exchange("/engine-rest/task/" + task.get("id") + "/form-variables",
        HttpMethod.GET, null, OBJECT).getBody();
    Map<String, Object> context = new LinkedHashMap<>();
    variables.forEach((name, value) -> {
      if (name.startsWith("case_")) {
        context.put(name, ((Map<?, ?>) value).get("value"));
      }
    });
    return context;
  }

  private void executeTimer(String pathway) {
    List<Map<String, Object>> jobs = as("quantri").exchange(
        "/engine-rest/job?maxResults=50&processInstanceId=" + pathway, HttpMethod.GET, null, LIST).getBody();
    assertThat(jobs).hasSize(1);
    assertThat(as("quantri").postForEntity("/engine-rest/job/" + jobs.get(0).get("id") + "/execute", null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private long caseFiles() {
    return jdbc.queryForObject("select count(*) from case_file", Long.class);
  }

  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return typed;
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo123");
  }
}
