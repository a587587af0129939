package vn.nangbuoc.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;

@NangBuocSpringTest
class OutboxHealthTest {

  @Autowired
  HealthContributorRegistry health;
  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldReportWhatTheOutboxHoldsAndStayUpWithoutAMailServer() {
    // the only "mail" part of the health is the outbox's: Spring's check of the SMTP server is off
    assertThat(health.getContributor("mail")).isInstanceOf(OutboxHealth.class);
    long failedBefore = failed();
    jdbc.sql("insert into mail_outbox (dedup_key, kind, recipient_email, subject, body_text, body_html, status,"
            + " attempts, next_attempt_at, created_at) values (?, 'TASK_ARRIVED', 'sai@', 'Việc mới', 'x', 'x',"
            + " 'BAD_ADDRESS', 1, ?, ?)")
        .params(UUID.randomUUID().toString(), Timestamp.from(Instant.now()), Timestamp.from(Instant.now())).update();

    Health mail = ((OutboxHealth) health.getContributor("mail")).health();

    assertThat(mail.getStatus()).isEqualTo(Status.UP);
    assertThat(failed()).isEqualTo(failedBefore + 1);
    assertThat(mail.getDetails()).containsKeys("waiting", "failed");
  }

  private long failed() {
    return (Long) ((OutboxHealth) health.getContributor("mail")).health().getDetails().get("failed");
  }
}
