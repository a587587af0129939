package vn.nangbuoc.notification;

import java.sql.Timestamp;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.nangbuoc.system.EngineTime;

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
    try {
      return read();
    } catch (DataAccessException e) {
      // the database's own part of health says why; an exception here would turn the whole answer into a 500
      return Health.down().withDetail("reason", "Không đọc được hộp thư đi: cơ sở dữ liệu không trả lời.").build();
    }
  }

  private Health read() {
    // one reading of the outbox, through its status index: health is asked every few seconds
    return jdbc.sql("""
            select count(*) filter (where status in ('PENDING', 'SENDING')),
                   count(*) filter (where status in ('FAILED', 'BAD_ADDRESS')),
                   min(created_at) filter (where status in ('PENDING', 'SENDING'))
            from mail_outbox where status in ('PENDING', 'SENDING', 'FAILED', 'BAD_ADDRESS')""")
        .query((rs, n) -> {
          Health.Builder health = Health.up().withDetail("waiting", rs.getLong(1)).withDetail("failed", rs.getLong(2));
          Timestamp oldest = rs.getTimestamp(3);
          if (oldest != null) {
            health.withDetail("oldestWaitingSince", oldest.toInstant().toString());
            // how far sending lags behind writing: grows when the outbox fills faster than it drains
            health.withDetail("lagSeconds",
                Math.max(0, Duration.between(oldest.toInstant(), EngineTime.now()).toSeconds()));
          } else {
            health.withDetail("lagSeconds", 0);
          }
          return health.build();
        })
        .single();
  }
}
