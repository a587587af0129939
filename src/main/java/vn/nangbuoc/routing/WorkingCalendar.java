package vn.nangbuoc.routing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.nangbuoc.system.EngineTime;

/**
 * Deadlines in working days, as the plans set them: Saturdays, Sundays and public holidays do not
 * count, and a deadline falls at the close of the office on its last day.
 */
@ConfigurationProperties("nangbuoc.calendar")
public record WorkingCalendar(LocalTime officeClosesAt, Set<LocalDate> holidays) {

  public WorkingCalendar {
    officeClosesAt = officeClosesAt == null ? LocalTime.of(17, 0) : officeClosesAt;
    holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
  }

  public boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.contains(day);
  }

  /** The close of the {@code days}-th working day after {@code from} (today counts as day 0). */
  public Date deadline(ZonedDateTime from, int days) {
    LocalDate day = from.withZoneSameInstant(EngineTime.VIETNAM).toLocalDate();
    int remaining = Math.max(days, 0);
    while (remaining > 0 || !isWorkingDay(day)) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        remaining--;
      }
    }
    return Date.from(day.atTime(officeClosesAt).atZone(EngineTime.VIETNAM).toInstant());
  }
}
