package vn.nangbuoc.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How wrong passwords slow down and lock a login (nangbuoc.login.*), on every login path.
 *
 * @param firstDelay wait after the first wrong password; it doubles with each further one
 * @param lockAfter after this many wrong passwords in a row the account is locked for lockTime, and
 *     the person and the administrators get a mail; each further wrong password locks it again
 * @param lockTime the longest wait: after it the right password works again, without an administrator
 * @param forgetAfter wrong passwords this long ago no longer count
 */
@ConfigurationProperties("nangbuoc.login")
record LoginSettings(Duration firstDelay, int lockAfter, Duration lockTime, Duration forgetAfter) {

  LoginSettings {
    firstDelay = firstDelay == null ? Duration.ofSeconds(2) : firstDelay;
    lockAfter = lockAfter <= 0 ? 10 : lockAfter;
    lockTime = lockTime == null ? Duration.ofMinutes(15) : lockTime;
    forgetAfter = forgetAfter == null ? Duration.ofDays(1) : forgetAfter;
  }

  /** The wait after the n-th wrong password in a row. */
  Duration delayAfter(int failures) {
    if (failures >= lockAfter) {
      return lockTime;
    }
    Duration delay = firstDelay.multipliedBy(1L << Math.min(failures - 1, 30));
    return delay.compareTo(lockTime) < 0 ? delay : lockTime;
  }
}
