package vn.nangbuoc.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.notification.MailOutbox.Outcome;
import vn.nangbuoc.system.EngineTime;

/**
 * SMTP delivers at least once; the outbox makes a second copy recognisable and says why it was
 * sent. A real SMTP server in the test (GreenMail) that takes the whole mail and answers only after
 * the client's read timeout; and a database that fails the "sent" update after the server had the mail.
 */
@NangBuocSpringTest
class MailDeliveredOnceTest {

  static final String SLOW_RECIPIENT = "cham@demo.nangbuoc.vn";

  @Autowired
  MailOutbox outbox;
  @Autowired
  OutboxSender sharedSender;
  @Autowired
  MailSettings settings;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  PlatformTransactionManager transactions;

  GreenMail server;
  /** How long the server takes to answer the end of a mail to {@link #SLOW_RECIPIENT}. */
  volatile Duration answerAfter = Duration.ZERO;

  @BeforeEach
  void startServer() {
    // whatever other tests left in the shared outbox goes to their own server first, all of it: one batch may
    // not be enough after the whole suite, and a mail of this test behind the rest would not be due in its batch
    for (int round = 0; round < 50 && !outbox.due(EngineTime.now(), 1).isEmpty(); round++) {
      sharedSender.sendDue();
    }
    server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    server.start();
    UserManager users = server.getUserManager();
    MessageDeliveryHandler deliver = users.getMessageDeliveryHandler();
    // GreenMail delivers before it answers the end of DATA: the mail is in the mailbox, the answer late
    users.setMessageDeliveryHandler((message, address) -> {
      if (address.getEmail().equals(SLOW_RECIPIENT)) {
        sleep(answerAfter);
      }
      return deliver.handle(message, address);
    });
  }

  @AfterEach
  void stopServer() {
    server.stop();
    ClockUtil.reset();
  }

  @Test
  void shouldKeepOneMessageIdWhenASlowServerAnswersAfterTheReadTimeout() throws Exception {
    String key = enqueue();
    OutboxSender sender = new OutboxSender(outbox, clientOf(server, Duration.ofMillis(400)), settings);

    answerAfter = Duration.ofMillis(1500);
    sender.sendDue();
    awaitCopies(key, 1);

    long id = idOf(key);
    assertThat(status(id)).as("tried again later: the client cannot know it arrived").isEqualTo("PENDING");
    assertThat(outbox.attempts(id)).extracting(MailOutbox.Attempt::outcome).containsExactly(Outcome.MAYBE_SENT);
    assertThat(outbox.find(id).orElseThrow().lastError()).startsWith("Có thể đã gửi");

    answerAfter = Duration.ZERO;
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(2))));
    sender.sendDue();

    assertThat(status(id)).isEqualTo("SENT");
    assertThat(outbox.attempts(id)).extracting(MailOutbox.Attempt::outcome)
        .containsExactly(Outcome.MAYBE_SENT, Outcome.SENT);
    assertThat(messageIds(key)).as("two copies, one Message-ID: a reader's client drops the second")
        .hasSize(2).containsOnly(OutgoingMail.messageId(key, settings.from()));
  }

  @Test
  void shouldCallAFailureBeforeTheServerHadTheMailAnOrdinaryFailure() {
    String key = enqueue();
    OutboxSender sender = new OutboxSender(outbox, clientOf(server, Duration.ofMillis(400)), settings);
    server.stop();

    sender.sendDue();

    long id = idOf(key);
    assertThat(status(id)).isEqualTo("PENDING");
    assertThat(outbox.attempts(id)).extracting(MailOutbox.Attempt::outcome).containsExactly(Outcome.FAILED);
    assertThat(outbox.find(id).orElseThrow().lastError()).contains("không kết nối được");
    server.start();
  }

  @Test
  void shouldWriteSentPatientlyWhileTheDatabaseIsAwayForAMoment() throws Exception {
    String key = enqueue();
    AtomicInteger failuresLeft = new AtomicInteger(2);
    OutboxSender sender = new OutboxSender(new FailingSentUpdate(failuresLeft), clientOf(server, Duration.ofSeconds(5)),
        patient(3));

    sender.sendDue();

    assertThat(status(idOf(key))).isEqualTo("SENT");
    assertThat(messageIds(key)).hasSize(1);
  }

  /** Found by the fault suite on a PostgreSQL restart: the update's connection died, and its rollback failed too. */
  @Test
  void shouldWriteSentPatientlyWhenTheRollbackOfTheFailedUpdateFailsToo() throws Exception {
    String key = enqueue();
    OutboxSender sender = new OutboxSender(new FailingSentUpdate(new AtomicInteger(2),
        () -> new TransactionSystemException("JDBC rollback failed")), clientOf(server, Duration.ofSeconds(5)),
        patient(3));

    sender.sendDue();

    assertThat(status(idOf(key))).isEqualTo("SENT");
    assertThat(messageIds(key)).hasSize(1);
  }

  @Test
  void shouldTakeOverAMailWhoseSentUpdateNeverGotThroughAndSayWhy() throws Exception {
    String key = enqueue();
    OutboxSender lostItsDatabase = new OutboxSender(new FailingSentUpdate(new AtomicInteger(Integer.MAX_VALUE)),
        clientOf(server, Duration.ofSeconds(5)), patient(2));
    lostItsDatabase.sendDue();
    awaitCopies(key, 1);
    long id = idOf(key);
    assertThat(status(id)).as("claimed, never reported").isEqualTo("SENDING");

    OutboxSender otherNode = new OutboxSender(outbox, clientOf(server, Duration.ofSeconds(5)), settings);
    otherNode.sendDue();
    assertThat(status(id)).as("not before its claim runs out").isEqualTo("SENDING");

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(settings.claimFor()).plusSeconds(1)));
    otherNode.sendDue();

    assertThat(status(id)).isEqualTo("SENT");
    List<MailOutbox.Attempt> history = outbox.attempts(id);
    assertThat(history).extracting(MailOutbox.Attempt::outcome).containsExactly(Outcome.TAKEN_OVER, Outcome.SENT);
    assertThat(history.get(0).detail()).contains("có thể đã tới người nhận");
    assertThat(messageIds(key)).hasSize(2).containsOnly(OutgoingMail.messageId(key, settings.from()));
  }

  /** The outbox of a node whose database fails exactly when it writes "sent". */
  class FailingSentUpdate extends MailOutbox {
    private final AtomicInteger failuresLeft;
    private final Supplier<RuntimeException> failure;

    FailingSentUpdate(AtomicInteger failuresLeft) {
      this(failuresLeft, () -> new DataAccessResourceFailureException("Connection refused"));
    }

    FailingSentUpdate(AtomicInteger failuresLeft, Supplier<RuntimeException> failure) {
      super(jdbc, transactions);
      this.failuresLeft = failuresLeft;
      this.failure = failure;
    }

    @Override
    void sent(long id, Instant at, String node) {
      if (failuresLeft.getAndDecrement() > 0) {
        throw failure.get();
      }
      super.sent(id, at, node);
    }
  }

  private MailSettings patient(int retries) {
    return new MailSettings(settings.from(), settings.baseUrl(), settings.templates(), settings.maxAttempts(),
        settings.firstRetryAfter(), settings.maxRetryAfter(), settings.reminderWorkingDays(), settings.keepSent(),
        settings.batch(), settings.claimFor(), retries, Duration.ofMillis(10));
  }

  private String enqueue() {
    String key = "test-once:" + UUID.randomUUID();
    outbox.enqueue(key, new Mail("TASK_ARRIVED", null, SLOW_RECIPIENT, "[Nâng Bước] Việc mới", "Có việc mới.",
        "<p>Có việc mới.</p>"), EngineTime.now());
    return key;
  }

  private static JavaMailSenderImpl clientOf(GreenMail server, Duration readTimeout) {
    JavaMailSenderImpl client = new JavaMailSenderImpl();
    client.setHost("127.0.0.1");
    client.setPort(server.getSmtp().getPort());
    Properties properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", "2000");
    properties.put("mail.smtp.timeout", String.valueOf(readTimeout.toMillis()));
    client.setJavaMailProperties(properties);
    return client;
  }

  private long idOf(String key) {
    return jdbc.sql("select id from mail_outbox where dedup_key = ?").param(key).query(Long.class).single();
  }

  private String status(long id) {
    return jdbc.sql("select status from mail_outbox where id = ?").param(id).query(String.class).single();
  }

  private List<String> messageIds(String key) throws MessagingException {
    List<String> ids = new java.util.ArrayList<>();
    for (MimeMessage mail : server.getReceivedMessages()) {
      String[] header = mail.getHeader("X-NangBuoc-Mail");
      if (header != null && Arrays.asList(header).contains(key)) {
        ids.add(mail.getMessageID());
      }
    }
    return ids;
  }

  /** The late server delivers after the client has given up on its answer. */
  private void awaitCopies(String key, int copies) throws Exception {
    long until = System.currentTimeMillis() + 10_000;
    while (messageIds(key).size() < copies && System.currentTimeMillis() < until) {
      Thread.sleep(50);
    }
    assertThat(messageIds(key)).hasSize(copies);
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
