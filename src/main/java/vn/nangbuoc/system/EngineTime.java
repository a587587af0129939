package vn.nangbuoc.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import vn.nangbuoc.input.VietnameseFormat;

/**
 * The time as the engine sees it. Everything that compares dates with the pathway's timers uses
 * this clock, so a test that moves the engine's clock moves the whole application with it.
 */
public final class EngineTime {

  public static final ZoneId VIETNAM = VietnameseFormat.ZONE;
  static final LocalTime MORNING = LocalTime.of(8, 0);

  private EngineTime() {
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static LocalDate today() {
    return LocalDate.ofInstant(now(), VIETNAM);
  }

  /** Timers that wait for a day (a surgery, a follow-up visit) fire at 08:00 in Vietnam that day. */
  public static Date morningOf(LocalDate day) {
    return Date.from(day.atTime(MORNING).atZone(VIETNAM).toInstant());
  }
}
