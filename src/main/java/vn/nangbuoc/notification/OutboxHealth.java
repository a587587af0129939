package vn.nangbuoc.notification;

import java.sql.Timestamp;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The "mail" part of /actuator/health. Spring's own check of the SMTP server is off
 * (management.health.mail.enabled): it reported the whole node DOWN while the mail server was away,
 * and a load balancer would take the node out for it, though the outbox is built to wait for the
 * server and send later. This one stays UP and tells an administrator what waits: mails to send,
 * how long the oldest has waited, and mails given up on, which only they can resend.
 */
@Component("mail")
class OutboxHealth implements HealthIndicator {

  private final JdbcClient jdbc;

  OutboxHealth(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Health health() {
    long waiting = count("status in ('PENDING', 'SENDING')");
    long failed = count("status in ('FAILED', 'BAD_ADDRESS')");
    Timestamp oldest = jdbc.sql("select min(created_at) from mail_outbox where status in ('PENDING', 'SENDING')")
        .query(Timestamp.class).optional().orElse(null);
    Health.Builder health = Health.up().withDetail("waiting", waiting).withDetail("failed", failed);
    if (oldest != null) {
      health.withDetail("oldestWaitingSince", oldest.toInstant().toString());
    }
    return health.build();
  }

  private long count(String condition) {
    return jdbc.sql("select count(*) from mail_outbox where " + condition).query(Long.class).single();
  }
}
