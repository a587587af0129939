package vn.nangbuoc.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * The approvals waiting name children, procedures and hospitals: only the approvers the tasks are
 * routed to read them, each read is in the access log, and administrators (who configure) get none.
 */
@NangBuocSpringTest
class ApprovalReadersTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  FundBooks ledger;

  PathwayDriver driver;

  @BeforeEach
  void setUp() {
    driver = new PathwayDriver(engine, listing);
  }

  @Test
  void shouldListAnApprovalToItsApproversOnlyAndLogTheRead() {
    ProcessInstance waiting = referred(9_000_000);
    long caseId = jdbc.queryForObject("select id from case_file where process_instance_id = ?", Long.class,
        waiting.getId());

    List<Map<String, Object>> byApprover = as("tpldtbxh").exchange("/api/funding/approvals", HttpMethod.GET, null, LIST)
        .getBody();
    List<Map<String, Object>> byAdministrator = as("quantri").exchange("/api/funding/approvals", HttpMethod.GET, null,
        LIST).getBody();
    List<Map<String, Object>> byAuditor = as("thanhtra").exchange("/api/funding/approvals", HttpMethod.GET, null, LIST)
        .getBody();

    assertThat(byApprover).extracting(row -> row.get("caseNumber")).contains(waiting.getBusinessKey());
    assertThat(byAdministrator).isEmpty();
    assertThat(byAuditor).isEmpty();
    assertThat(jdbc.queryForList("select user_id from case_access_log where case_id = ? and channel = 'LIST'",
        String.class, caseId)).containsExactly("tpldtbxh");
  }

  @Test
  void shouldGiveAnAdministratorNoDecisionsSpreadsheet() {
    String fund = ledger.fundServing("MAIPHA");

    assertThat(as("quantri").getForEntity("/api/funds/" + fund + "/decisions.xlsx", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("thanhtra").getForEntity("/api/funds/" + fund + "/decisions.xlsx", byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void shouldSayThatARequestWasAlreadyDecidedAndByWhomOnlyToItsApprovers() {
    ProcessInstance pathway = referred(8_000_000);
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(pathway.getId()).singleResult().getId();
    List<Map<String, Object>> decision = List.of(Map.of("taskId", taskId, "decision", "APPROVED"));

    assertThat(decide("tpldtbxh", decision)).containsEntry("ok", true);
    Map<String, Object> again = decide("tpldtbxh", decision);
    Map<String, Object> stranger = decide("cvtaichinh", decision);

    assertThat(again).containsEntry("ok", false);
    assertThat((String) again.get("message")).startsWith("Công việc này đã được bạn hoàn thành lúc")
        .endsWith("không cần quyết định nữa.");
    assertThat((String) stranger.get("message")).as("nothing said to whom the task was not routed")
        .isEqualTo("Không hoàn thành được công việc này (không có hoặc bạn không có quyền).");
  }

  @Test
  void shouldListAndGiveAnApprovalToNoGroupOrPersonAddedToItByHand() {
    ProcessInstance waiting = referred(7_000_000);
    String taskId = engine.getTaskService().createTaskQuery().processInstanceId(waiting.getId()).singleResult().getId();
    String child = jdbc.queryForObject("select full_name from case_file where process_instance_id = ?", String.class,
        waiting.getId());
    // links routing did not make (the fund's accountants serve the same commune; a person of the finance office;
    // another commune's office), which the engine grants the task
    engine.getTaskService().addCandidateGroup(taskId, "quyBttTpLangSon");
    engine.getTaskService().addCandidateGroup(taskId, "ubndHoangDong");
    engine.getTaskService().addCandidateUser(taskId, "cvtaichinh");

    for (String outsider : List.of("ktquy", "cbhoangdong", "cvtaichinh")) {
      ResponseEntity<String> listed = as(outsider).getForEntity("/api/funding/approvals", String.class);
      assertThat(listed.getStatusCode()).as(outsider).isEqualTo(HttpStatus.OK);
      assertThat(listed.getBody()).as(outsider).doesNotContain(taskId, waiting.getBusinessKey(), child);
      Map<String, Object> refused = decide(outsider, List.of(Map.of("taskId", taskId, "decision", "APPROVED")));
      assertThat(refused).as(outsider).containsEntry("ok", false);
      assertThat((String) refused.get("message")).as(outsider)
          .isIn("Bạn không thuộc cơ quan được giao công việc này, nên không hoàn thành được.",
              "Không hoàn thành được công việc này (không có hoặc bạn không có quyền).")
          .doesNotContain(child);
    }
    long caseId = jdbc.queryForObject("select id from case_file where process_instance_id = ?", Long.class,
        waiting.getId());
    assertThat(jdbc.queryForList("select user_id from case_access_log where case_id = ? and channel = 'LIST'",
        String.class, caseId)).doesNotContain("ktquy", "cbhoangdong", "cvtaichinh");
    assertThat(as("tpldtbxh").exchange("/api/funding/approvals", HttpMethod.GET, null, LIST).getBody())
        .extracting(row -> row.get("taskId")).contains(taskId);
    assertThat(decide("tpldtbxh", List.of(Map.of("taskId", taskId, "decision", "APPROVED")))).containsEntry("ok", true);
  }

  private Map<String, Object> decide(String user, List<Map<String, Object>> decisions) {
    return as(user).exchange("/api/funding/approvals", HttpMethod.POST,
        new org.springframework.http.HttpEntity<>(Map.of("decisions", decisions)), LIST).getBody().get(0);
  }

  private ProcessInstance referred(long cost) {
    ProcessInstance pathway = driver.listEligibleChild();
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");
    driver.prepareReferral("cvldtbxh", pathway, cost, true);
    return pathway;
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo123");
  }
}
