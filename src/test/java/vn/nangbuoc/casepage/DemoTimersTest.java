package vn.nangbuoc.casepage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.fund.FundReceipts;
import vn.nangbuoc.fund.ReceiptKind;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.migration.WaitingPathways;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * The demo's "run the timers now" on the case page: the caseworker runs the follow-up timer a month early and the
 * visit is at once in the task list; a task's deadline timer is never offered (it would report work as late);
 * an auditor, who reads the case, neither sees the button nor may press it.
 */
@NangBuocSpringTest
class DemoTimersTest {

  private static final String BUTTON = "Chạy hẹn giờ ngay (chỉ bản demo)";

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  FundReceipts receipts;
  @Autowired
  FundBooks books;

  PageBrowser pages;
  WaitingPathways waiting;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    pages = new PageBrowser(http);
    waiting = new WaitingPathways(new PathwayDriver(engine, listing));
    receipts.receive(books.fundServing("MAIPHA"), ReceiptKind.DONATION, 50_000_000L, "Hội Chữ thập đỏ tỉnh", null,
        LocalDate.now(), "cvtaichinh");
  }

  @Test
  void shouldRunTheFollowUpTimerNowForTheCaseworker() {
    ProcessInstance pathway = waiting.waitingAt(WaitingPathways.FOLLOW_UP_DUE);
    String page = "/ho-so/" + caseOf(pathway);
    String caseworker = pages.login("cbmaipha");
    assertThat(pages.get(caseworker, page).getBody()).contains(BUTTON, "Lộ trình đang chờ 1 hẹn giờ");

    ResponseEntity<String> ran = pages.submit(caseworker, page, page + "/hen-gio-demo");

    assertThat(ran.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(pathway).isWaitingAt(ChildPathway.TASK_FOLLOW_UP_VISIT);
    assertThat(pages.get(caseworker, page).getBody())
        .contains("Đã chạy ngay 1 hẹn giờ của lộ trình (chỉ có trong bản demo).").doesNotContain(BUTTON);
  }

  @Test
  void shouldNeverOfferATasksDeadlineTimer() {
    ProcessInstance pathway = waiting.waitingAt(ChildPathway.TASK_REVIEW_LISTING);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pathway.getId()).timers().count())
        .as("the review task's escalation timer").isEqualTo(1);
    String page = "/ho-so/" + caseOf(pathway);
    String caseworker = pages.login("cbmaipha");
    assertThat(pages.get(caseworker, page).getBody()).doesNotContain(BUTTON);

    pages.submit(caseworker, page, page + "/hen-gio-demo");

    assertThat(pathway).isWaitingAt(ChildPathway.TASK_REVIEW_LISTING);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pathway.getId()).timers().count())
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from task_escalation where case_id = ?",
        Integer.class, caseOf(pathway))).isZero();
  }

  @Test
  void shouldNotLetAnAuditorRunTimers() {
    ProcessInstance pathway = waiting.waitingAt(WaitingPathways.FOLLOW_UP_DUE);
    String page = "/ho-so/" + caseOf(pathway);
    String auditor = pages.login("thanhtra");
    assertThat(pages.get(auditor, page).getBody()).contains("Lịch sử").doesNotContain(BUTTON);
    // the auditor's own token, from a page of theirs with a form: the refusal is the rule's, not CSRF's
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", PageBrowser.csrfToken(pages.get(auditor, "/ho-so").getBody()));

    ResponseEntity<String> refused = pages.post(auditor, page + "/hen-gio-demo", form);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(refused.getBody()).contains("Chỉ cán bộ phụ trách hồ sơ mới chạy hẹn giờ ngay được.");
    assertThat(pathway).isWaitingAt(WaitingPathways.FOLLOW_UP_DUE);
  }

  private long caseOf(ProcessInstance pathway) {
    return jdbc.queryForObject("select id from case_file where process_instance_id = ?", Long.class, pathway.getId());
  }
}
