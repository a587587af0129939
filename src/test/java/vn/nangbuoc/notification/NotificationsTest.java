package vn.nangbuoc.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nangbuoc.pathway.PathwayDriver.vars;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.system.EngineTime;

/**
 * Every kind of mail, through the real outbox and the in-process SMTP server (GreenMail): who gets
 * it, its subject and body, and that it goes out exactly once, across an SMTP outage too.
 */
@NangBuocSpringTest
class NotificationsTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  Recipients recipients;
  @Autowired
  OutboxSender sender;
  @Autowired
  MailOutbox outbox;
  @Autowired
  MailJobs jobs;
  @Autowired
  GreenMail smtp;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TestRestTemplate http;
  @Autowired
  MailSettings mailSettings;

  PathwayDriver driver;

  @BeforeEach
  void setUp() {
    driver = new PathwayDriver(engine, listing);
    drainOutbox();
    recipients.choose("cvldtbxh", DeliveryMode.IMMEDIATE);
    recipients.choose("tpldtbxh", DeliveryMode.DIGEST);
    recipients.choose("cbmaipha", DeliveryMode.IMMEDIATE);
    recipients.choose("bsttyt", DeliveryMode.NONE);
    // the office head's deputy, who approves what the head prepared himself, is not what these tests are about
    recipients.choose("pptldtbxh", DeliveryMode.NONE);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldMailNewWorkAtOnceToThoseWhoChoseItWithInitialsOnly() throws Exception {
    ProcessInstance pathway = driver.listEligibleChild();
    String caseNumber = pathway.getBusinessKey();

    drainOutbox();

    List<Message> mails = mailsAbout(caseNumber);
    assertThat(mails).extracting(NotificationsTest::to).containsExactly("cvldtbxh@demo.nangbuoc.vn");
    Message mail = mails.get(0);
    assertThat(mail.getSubject()).isEqualTo("[Nâng Bước] Việc mới: Rà soát, tổng hợp danh sách – hồ sơ " + caseNumber);
    String body = LocalMailController.plainText(mail);
    assertThat(body).contains("Kính gửi Trần Thị Lan", "trẻ N.V.A.", "Hạn xử lý: 17:00 ngày",
        "/trang/viec/" + driver.task(pathway).getId(),
        "Phòng Lao động – Thương binh và Xã hội thành phố Lạng Sơn");
    assertThat(body).doesNotContain("Nguyễn Văn An", "Pò Mỏ", "0912345678");
  }

  @Test
  void shouldCollectNewWorkForTheDailyDigestOnceADay() throws Exception {
    ProcessInstance first = driver.listEligibleChild();
    ProcessInstance second = driver.listEligibleChild();

    jobs.composeDigests();
    jobs.composeDigests();
    drainOutbox();

    List<Message> digests = mailsTo("tpldtbxh@demo.nangbuoc.vn").stream()
        .filter(m -> subject(m).startsWith("[Nâng Bước] Việc mới ngày")).toList();
    assertThat(digests).hasSize(1);
    assertThat(LocalMailController.plainText(digests.get(0)))
        .contains(first.getBusinessKey(), second.getBusinessKey(), "Rà soát, tổng hợp danh sách");
    assertThat(mailsTo("tpldtbxh@demo.nangbuoc.vn")).noneMatch(m -> subject(m).startsWith("[Nâng Bước] Việc mới: "));
  }

  @Test
  void shouldSendNothingToWhoeverOptedOut() {
    // rows of earlier tests (of any class sharing the database) are not this test's
    long before = jdbc.queryForObject("select coalesce(max(id), 0) from mail_outbox", Long.class);
    ProcessInstance pathway = driver.listEligibleChild();
    driver.review(pathway, "ACCEPT");

    drainOutbox();
    jobs.composeDigests();
    drainOutbox();

    assertThat(mailsAbout(pathway.getBusinessKey())).noneMatch(m -> to(m).equals("bsttyt@demo.nangbuoc.vn"));
    assertThat(jdbc.queryForObject("select count(*) from mail_outbox where recipient_user = 'bsttyt' and id > ?",
        Long.class, before)).isZero();
  }

  @Test
  void shouldRemindOnceWhenADueDateComesNear() {
    ProcessInstance pathway = driver.listEligibleChild();
    Task review = driver.task(pathway);
    // a candidate group routing did not choose (the fund's accountants, serving the same commune) hears nothing
    engine.getTaskService().addCandidateGroup(review.getId(), "quyBttTpLangSon");

    ClockUtil.setCurrentTime(new Date(review.getDueDate().getTime() - 6 * 3600 * 1000L));
    jobs.remindDueSoon();
    jobs.remindDueSoon();
    drainOutbox();

    List<Message> reminders = mailsAbout(pathway.getBusinessKey()).stream()
        .filter(m -> subject(m).startsWith("[Nâng Bước] Sắp đến hạn")).toList();
    assertThat(reminders).extracting(NotificationsTest::to)
        .containsExactlyInAnyOrder("cvldtbxh@demo.nangbuoc.vn", "tpldtbxh@demo.nangbuoc.vn");
  }

  @Test
  void shouldRemindTheTasksBeyondTheFirstPageToo() {
    List<ProcessInstance> pathways = List.of(driver.listEligibleChild(), driver.listEligibleChild(),
        driver.listEligibleChild());
    Date latestDue = pathways.stream().map(p -> driver.task(p).getDueDate()).max(Date::compareTo).orElseThrow();

    // every task due soon (and whatever else the shared database holds), read two at a time
    ClockUtil.setCurrentTime(new Date(latestDue.getTime() - 6 * 3600 * 1000L));
    jobs.remindDueSoon(2);
    drainOutbox();

    for (ProcessInstance pathway : pathways) {
      assertThat(mailsAbout(pathway.getBusinessKey()).stream().map(NotificationsTest::subject))
          .as(pathway.getBusinessKey()).anyMatch(subject -> subject.startsWith("[Nâng Bước] Sắp đến hạn"));
    }
  }

  @Test
  void shouldEscalateAnOverdueTaskToTheHeadOfTheResponsibleAgencyAtEveryRound() {
    ProcessInstance pathway = driver.listEligibleChild();
    Task review = driver.task(pathway);

    ClockUtil.setCurrentTime(new Date(review.getDueDate().getTime() + 60_000));
    escalate(pathway, ChildPathway.TASK_REVIEW_LISTING);
    ClockUtil.setCurrentTime(new Date(review.getDueDate().getTime() + 25 * 3600 * 1000L));
    escalate(pathway, ChildPathway.TASK_REVIEW_LISTING);
    drainOutbox();

    List<String> escalations = mailsAbout(pathway.getBusinessKey()).stream()
        .filter(m -> subject(m).startsWith("[Nâng Bước] Quá hạn")).map(m -> to(m) + " " + subject(m)).toList();
    assertThat(escalations).containsExactly(
        "tpldtbxh@demo.nangbuoc.vn [Nâng Bước] Quá hạn: Rà soát, tổng hợp danh sách – hồ sơ "
            + pathway.getBusinessKey(),
        "tpldtbxh@demo.nangbuoc.vn [Nâng Bước] Quá hạn: Rà soát, tổng hợp danh sách – hồ sơ " + pathway.getBusinessKey()
            + " (nhắc lần 2)");
  }

  @Test
  void shouldWriteToTheAgencyMailboxWhenItsHeadIsNotInTheSystem() {
    ProcessInstance pathway = driver.listEligibleChild();
    driver.review(pathway, "RETURN");
    Task completion = driver.task(pathway);

    ClockUtil.setCurrentTime(new Date(completion.getDueDate().getTime() + 60_000));
    escalate(pathway, ChildPathway.TASK_COMPLETE_LISTING);
    drainOutbox();

    assertThat(mailsAbout(pathway.getBusinessKey())).filteredOn(m -> subject(m).startsWith("[Nâng Bước] Quá hạn"))
        .extracting(NotificationsTest::to).containsExactly("ubnd.maipha@demo.nangbuoc.vn");
  }

  @Test
  void shouldTellTheCaseworkerOfAReturnedListingAndTheRequesterOfAFundingDecision() throws Exception {
    ProcessInstance returned = driver.listEligibleChild();
    driver.review(returned, "RETURN");
    ProcessInstance funded = driver.listEligibleChild();
    driver.review(funded, "ACCEPT");
    driver.screen(funded, "SURGERY");
    driver.prepareReferral("cvldtbxh", funded, 12_000_000, true);
    driver.approve("tpldtbxh", funded, "APPROVED");

    drainOutbox();

    Message listingMail = mailsAbout(returned.getBusinessKey()).stream()
        .filter(m -> to(m).equals("cbmaipha@demo.nangbuoc.vn")).filter(m -> subject(m).contains("trả lại")).findFirst()
        .orElseThrow();
    assertThat(LocalMailController.plainText(listingMail)).contains("Hồ sơ được trả lại để bổ sung thông tin")
        .doesNotContain("Thiếu giấy khai sinh");
    Message fundingMail = mailsAbout(funded.getBusinessKey()).stream()
        .filter(m -> subject(m).startsWith("[Nâng Bước] Kết quả phê duyệt kinh phí")).findFirst().orElseThrow();
    assertThat(to(fundingMail)).isEqualTo("cvldtbxh@demo.nangbuoc.vn");
    assertThat(LocalMailController.plainText(fundingMail)).contains("Đã phê duyệt.");
  }

  @Test
  void shouldDeliverEveryMailExactlyOnceAfterAnSmtpOutage() {
    smtp.stop();
    ProcessInstance pathway = driver.listEligibleChild();
    driver.review(pathway, "RETURN");
    try {
      assertThat(sender.sendDue()).isZero();
      assertThat(jdbc.queryForList("select status from mail_outbox where dedup_key like ?", String.class,
          "%:" + driver.task(pathway).getId() + ":%")).containsOnly("PENDING");
    } finally {
      smtp.start();
    }
    assertThat(sender.sendDue()).as("nothing before the retry time").isZero();

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 10 * 60_000));
    drainOutbox();
    drainOutbox();

    List<Message> mails = mailsAbout(pathway.getBusinessKey());
    assertThat(mails).extracting(NotificationsTest::to)
        .contains("cvldtbxh@demo.nangbuoc.vn", "cbmaipha@demo.nangbuoc.vn");
    List<String> keys = jdbc.queryForList("select dedup_key from mail_outbox where subject like ?", String.class,
        "%" + pathway.getBusinessKey() + "%");
    assertThat(mails.stream().map(NotificationsTest::dedupKey).toList())
        .as("each mail of the outbox arrived once").containsExactlyInAnyOrderElementsOf(keys);
  }

  @Test
  void shouldRecordABadAddressWithoutRetryingAndLetAnAdministratorResendIt() {
    IdentityService identity = engine.getIdentityService();
    User caseworker = identity.createUserQuery().userId("cbquanglac").singleResult();
    String address = caseworker.getEmail();
    caseworker.setEmail("khong-phai-dia-chi");
    identity.saveUser(caseworker);
    recipients.choose("cbquanglac", DeliveryMode.IMMEDIATE);
    try {
      ProcessInstance pathway = driver.list("cbquanglac", PathwayDriver.child("QUANGLAC",
          java.time.LocalDate.now().minusYears(4), vn.nangbuoc.casefile.ConditionGroup.EYE));
      driver.review(pathway, "RETURN");
      drainOutbox();
      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 3 * 3600 * 1000L));
      drainOutbox();

      long id = jdbc.queryForObject("select id from mail_outbox where recipient_user = 'cbquanglac' and kind = ?"
          + " order by id desc fetch first 1 rows only", Long.class, Notifications.LISTING_REVIEWED);
      assertThat(jdbc.queryForMap("select status, attempts from mail_outbox where id = ?", id))
          .containsEntry("STATUS", "BAD_ADDRESS").containsEntry("ATTEMPTS", 1);

      // the administrator sees it, corrects the address and sends it again; nobody else may
      assertThat(http.withBasicAuth("quantri", "demo123")
          .getForObject("/api/admin/outbox?status=BAD_ADDRESS", String.class))
          .contains("\"id\":" + id);
      assertThat(http.withBasicAuth("cbmaipha", "demo123").postForEntity("/api/admin/outbox/" + id + "/resend", null,
          String.class).getStatusCode().value()).isEqualTo(403);
      caseworker.setEmail(address);
      identity.saveUser(caseworker);
      assertThat(http.withBasicAuth("quantri", "demo123").postForEntity("/api/admin/outbox/" + id + "/resend", null,
          String.class).getStatusCode().value()).isEqualTo(200);
      drainOutbox();
      assertThat(jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, id))
          .isEqualTo("SENT");
    } finally {
      caseworker.setEmail(address);
      identity.saveUser(caseworker);
    }
  }

  /** Runs the escalation timer of the task, the one timer the engine keeps for the task itself. */
  private void escalate(ProcessInstance pathway, String taskKey) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(pathway.getId()).timers()
        .activityId(taskKey).singleResult();
    engine.getManagementService().executeJob(job.getId());
  }

  /** Every mail a test looks at, of every kind, also carries the Message-ID of its outbox row. */
  private List<Message> mailsAbout(String caseNumber) {
    List<Message> mails = Arrays.stream((Message[]) smtp.getReceivedMessages())
        .filter(m -> subject(m).contains(caseNumber) || bodyContains(m, caseNumber)).toList();
    for (Message mail : mails) {
      try {
        assertThat(((jakarta.mail.internet.MimeMessage) mail).getMessageID()).as("Message-ID of " + dedupKey(mail))
            .isEqualTo(OutgoingMail.messageId(dedupKey(mail), mailSettings.from()));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return mails;
  }

  private List<Message> mailsTo(String address) {
    return Arrays.stream((Message[]) smtp.getReceivedMessages()).filter(m -> to(m).equals(address)).toList();
  }

  private static boolean bodyContains(Message message, String text) {
    try {
      String body = LocalMailController.plainText(message);
      return body != null && body.contains(text);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(Message message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String to(Message message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String dedupKey(Message message) {
    try {
      return message.getHeader("X-NangBuoc-Mail")[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends all that is due, batch after batch: after the whole suite the shared outbox holds more than one batch. */
  private void drainOutbox() {
    for (int round = 0; round < 50 && !outbox.due(EngineTime.now(), 1).isEmpty(); round++) {
      sender.sendDue();
    }
  }
}
