package vn.nangbuoc.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import vn.nangbuoc.PostgresTestDatabase;
import vn.nangbuoc.system.EngineTime;

/**
 * How fast the outbox drains on PostgreSQL into a real SMTP server (GreenMail, in-process): one run of the
 * sender as production schedules it (a batch over one connection), timed again and again, against what a busy
 * office writes (about 16 mails a second in the pathway benchmark). Prints the mails per second of each run and
 * their median; run with {@code mvn -Pmail-benchmark verify}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = PostgresTestDatabase.class)
class MailDrainBenchmark {

  private static final int RUNS = 9;

  @Autowired
  MailOutbox outbox;
  @Autowired
  MailSettings settings;
  @Autowired
  JdbcClient jdbc;
  @Value("${nangbuoc.mail.send-every}")
  Duration sendEvery;

  @Test
  void shouldPrintHowManyMailsASecondOneSenderDrains() {
    GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    server.start();
    try {
      OutboxSender sender = new OutboxSender(outbox, clientOf(server), settings);
      sender.sendDue(); // whatever the database held before goes first, untimed
      List<Double> perSecond = new ArrayList<>();
      int received = server.getReceivedMessages().length;
      for (int run = 0; run < RUNS; run++) {
        for (int i = 0; i < settings.batch(); i++) {
          outbox.enqueue("drain:" + UUID.randomUUID(), new Mail("TASK_ARRIVED", null, "can-bo@demo.nangbuoc.vn",
              "[Nâng Bước] Việc mới: Rà soát, tổng hợp danh sách – hồ sơ LS-2026-" + i,
              "Kính gửi cán bộ,\n\nCó việc mới cho trẻ N.V.A.\n", "<p>Kính gửi cán bộ,</p><p>Có việc mới.</p>"),
              EngineTime.now());
        }
        long start = System.nanoTime();
        int sent = sender.sendDue();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(sent).isEqualTo(settings.batch());
        perSecond.add(sent / seconds);
        System.out.printf("BENCHMARK mail drain run %d: %d mails in %.2f s, %.1f mails/s%n", run + 1, sent, seconds,
            sent / seconds);
      }
      assertThat(server.getReceivedMessages()).hasSize(received + RUNS * settings.batch());
      List<Double> sorted = perSecond.stream().sorted().toList();
      double median = sorted.get(sorted.size() / 2);
      double scheduled = settings.batch() / (double) sendEvery.toSeconds();
      System.out.printf("BENCHMARK mail drain median %.1f mails/s over one connection (min %.1f, max %.1f);"
          + " the schedule allows %.1f mails/s (batch %d every %s)%n", median, sorted.get(0),
          sorted.get(sorted.size() - 1), scheduled, settings.batch(), sendEvery);
    } finally {
      server.stop();
      jdbc.sql("delete from mail_attempt where mail_id in (select id from mail_outbox where dedup_key like 'drain:%')")
          .update();
      jdbc.sql("delete from mail_outbox where dedup_key like 'drain:%'").update();
    }
  }

  private static JavaMailSenderImpl clientOf(GreenMail server) {
    JavaMailSenderImpl client = new JavaMailSenderImpl();
    client.setHost("127.0.0.1");
    client.setPort(server.getSmtp().getPort());
    Properties properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", "2000");
    properties.put("mail.smtp.timeout", "10000");
    client.setJavaMailProperties(properties);
    return client;
  }
}
