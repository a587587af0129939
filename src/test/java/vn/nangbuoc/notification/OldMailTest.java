package vn.nangbuoc.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.system.EngineTime;

@NangBuocSpringTest
class OldMailTest {

  @Autowired
  MailJobs jobs;
  @Autowired
  JdbcClient jdbc;

  final String run = UUID.randomUUID().toString();

  @Test
  void shouldForgetSentMailAndDigestedLinesAfterNinetyDaysAndKeepEverythingElse() {
    Instant now = EngineTime.now();
    mail("sent-long-ago", "SENT", now.minus(Duration.ofDays(91)));
    mail("sent-last-month", "SENT", now.minus(Duration.ofDays(30)));
    mail("failed-long-ago", "FAILED", null);
    mail("pending", "PENDING", null);
    digestLine("digested-long-ago", now.minus(Duration.ofDays(91)));
    digestLine("digested-yesterday", now.minus(Duration.ofDays(1)));
    digestLine("waiting", null);

    int forgotten = jobs.forgetOldMail();

    assertThat(forgotten).isGreaterThanOrEqualTo(2);
    assertThat(jdbc.sql("select dedup_key from mail_outbox where dedup_key like ?").param(run + "%")
        .query(String.class).list()).containsExactlyInAnyOrder(run + "sent-last-month", run + "failed-long-ago",
        run + "pending");
    assertThat(jdbc.sql("select dedup_key from digest_item where dedup_key like ?").param(run + "%")
        .query(String.class).list()).containsExactlyInAnyOrder(run + "digested-yesterday", run + "waiting");
  }

  private void mail(String key, String status, Instant sentAt) {
    Timestamp created = Timestamp.from(EngineTime.now().minus(Duration.ofDays(200)));
    jdbc.sql("insert into mail_outbox (dedup_key, kind, recipient_email, subject, body_text, body_html, status,"
            + " attempts, next_attempt_at, created_at, sent_at) values (?, 'TASK_ARRIVED', 'a@example.vn', 'Việc mới',"
            + " 'x', 'x', ?, 1, ?, ?, ?)")
        .params(run + key, status, created, created, sentAt == null ? null : Timestamp.from(sentAt)).update();
  }

  private void digestLine(String key, Instant digestedAt) {
    jdbc.sql("insert into digest_item (dedup_key, user_id, task_id, task_name, case_number, child_initials, created_at,"
            + " digested_at) values (?, 'cvldtbxh', 'task', 'Thẩm định', 'LS-2026-0001', 'N.V.A', ?, ?)")
        .params(run + key, Timestamp.from(EngineTime.now().minus(Duration.ofDays(200))),
            digestedAt == null ? null : Timestamp.from(digestedAt)).update();
  }
}
