package vn.nangbuoc.erasure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import vn.nangbuoc.input.VietnameseFormat;

/** The nightly retention run. Off in tests, which run the job themselves. */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "nangbuoc.retention.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class ErasureScheduling {

  private final RetentionJob job;

  ErasureScheduling(RetentionJob job) {
    this.job = job;
  }

  @Scheduled(cron = "${nangbuoc.retention.cron:0 30 0 * * *}", zone = VietnameseFormat.ZONE_ID)
  void eraseExpiredCaseFiles() {
    job.eraseExpired();
  }
}
