package vn.nangbuoc.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.nangbuoc.system.EngineTime;

/**
 * Slows down and at most locks for a while the logins of a user id after wrong passwords. Every
 * password check of the engine's identity service comes here ({@link ThrottledIdentityService}), so
 * the one login (the product's pages and the webapps), /api and /engine-rest share one count. Ids that do not
 * exist are counted the same way, so the answers never tell whether an id exists.
 */
@Component
class LoginThrottle {

  record Failures(int count, Instant lockedUntil, Instant lastFailureAt) {
  }

  private final ReentrantLock[] stripes = new ReentrantLock[64];
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final LoginSettings settings;
  private final ApplicationEventPublisher events;

  LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, LoginSettings settings,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.settings = settings;
    this.events = events;
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /**
   * Checks the password unless the id must wait; a wrong one makes it wait longer. Ids with earlier
   * failures are checked under their row's lock, so that parallel guesses cannot slip past the wait.
   */
  boolean attempt(String userId, BooleanSupplier passwordMatches) {
    if (userId == null) {
      return passwordMatches.getAsBoolean();
    }
    String key = key(userId);
    // one check of an id at a time on this node: parallel guesses before the first failure is
    // recorded would otherwise all be checked; across nodes the row lock below does the same
    ReentrantLock stripe = stripes[Math.floorMod(key.hashCode(), stripes.length)];
    stripe.lock();
    try {
      return attemptAlone(key, userId, passwordMatches);
    } finally {
      stripe.unlock();
    }
  }

  private boolean attemptAlone(String key, String userId, BooleanSupplier passwordMatches) {
    if (find(key, false).isEmpty()) {
      if (passwordMatches.getAsBoolean()) {
        return true;
      }
      transaction.executeWithoutResult(status -> recordFailure(key, userId, Optional.empty()));
      return false;
    }
    return Boolean.TRUE.equals(transaction.execute(status -> {
      Optional<Failures> before = find(key, true);
      if (before.isPresent() && before.get().lockedUntil().isAfter(EngineTime.now())) {
        return false;
      }
      if (passwordMatches.getAsBoolean()) {
        jdbc.sql("delete from login_failure where user_key = ?").param(key).update();
        return true;
      }
      recordFailure(key, userId, before);
      return false;
    }));
  }

  /** How long the id must still wait before a password is checked again; empty if it need not. */
  Optional<Duration> waitFor(String userId) {
    if (userId == null) {
      return Optional.empty();
    }
    Instant now = EngineTime.now();
    return find(key(userId), false).filter(f -> f.lockedUntil().isAfter(now))
        .map(f -> Duration.between(now, f.lockedUntil()));
  }

  /** Why a login was refused, in the words its user reads; the same for ids that do not exist. */
  String refusal(String userId) {
    return waitFor(userId).map(LoginThrottle::waitMessage).orElse("Sai tên đăng nhập hoặc mật khẩu.");
  }

  static String waitMessage(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    if (seconds < 60) {
      return "Sai tên đăng nhập hoặc mật khẩu. Vui lòng chờ " + seconds + " giây rồi thử lại.";
    }
    return "Tài khoản đang tạm khóa vì nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau "
        + ((seconds + 59) / 60) + " phút.";
  }

  private void recordFailure(String key, String userId, Optional<Failures> before) {
    Instant now = EngineTime.now();
    Instant forgetBefore = now.minus(settings.forgetAfter());
    int count = before.filter(f -> f.lastFailureAt().isAfter(forgetBefore)).map(Failures::count).orElse(0) + 1;
    Instant until = now.plus(settings.delayAfter(count));
    int updated = jdbc.sql("update login_failure set failures = ?, locked_until = ?, last_failure_at = ?"
            + " where user_key = ?")
        .params(count, Timestamp.from(until), Timestamp.from(now), key).update();
    if (updated == 0) {
      // a parallel first failure of the same id may insert first; then this one counts on its row
      jdbc.sql("insert into login_failure (user_key, failures, locked_until, last_failure_at)"
              + " select ?, ?, ?, ? from (values (1)) as one (x) where not exists"
              + " (select 1 from login_failure where user_key = ?)")
          .params(key, count, Timestamp.from(until), Timestamp.from(now), key).update();
    }
    // ids tried once and long ago are forgotten, so guessed ids cannot fill the table
    jdbc.sql("delete from login_failure where last_failure_at < ? and locked_until < ?")
        .params(Timestamp.from(forgetBefore), Timestamp.from(now)).update();
    if (count >= settings.lockAfter()) {
      events.publishEvent(new AccountLocked(userId, count, until));
    }
  }

  private Optional<Failures> find(String key, boolean forUpdate) {
    return jdbc.sql("select failures, locked_until, last_failure_at from login_failure where user_key = ?"
            + (forUpdate ? " for update" : ""))
        .param(key)
        .query((rs, n) -> new Failures(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()))
        .optional();
  }

  /** Unlocks an id at once (an administrator's unlock in Camunda Admin, or over the REST API). */
  void forget(String userId) {
    jdbc.sql("delete from login_failure where user_key = ?").param(key(userId)).update();
  }

  static String key(String userId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
