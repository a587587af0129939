package vn.nangbuoc.erasure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a closed case file is kept (nangbuoc.retention.closed-cases), counted from its closure.
 * The engine keeps the pathway's history exactly as long ({@link HistoryRetention}).
 */
@ConfigurationProperties("nangbuoc.retention")
record RetentionSettings(@DefaultValue("P3650D") Duration closedCases) {

  int days() {
    return Math.toIntExact(closedCases.toDays());
  }
}
