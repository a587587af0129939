package vn.nangbuoc.routing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.nangbuoc.system.EngineTime;

/**
 * Deadlines in working days, as the plans set them: Saturdays, Sundays and public holidays do not
 * count, and a deadline falls at the close of the office on its last day.
 *
 * <p>Holidays are listed per year ({@code nangbuoc.calendar.holidays.2027}): Tết and the Hùng Kings'
 * day follow the lunar calendar and the days off are announced each year, so no rule computes them.
 * A year nobody listed counts weekdays only, and says so once in the log.
 */
@ConfigurationProperties("nangbuoc.calendar")
public class WorkingCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

  private final LocalTime officeClosesAt;
  private final Map<Integer, Set<LocalDate>> holidays;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  public WorkingCalendar(LocalTime officeClosesAt, Map<Integer, Set<LocalDate>> holidays) {
    this.officeClosesAt = officeClosesAt == null ? LocalTime.of(17, 0) : officeClosesAt;
    this.holidays = holidays == null ? Map.of() : holidays.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, year -> checked(year.getKey(), year.getValue())));
  }

  /** A date listed under another year is a typing slip that would silently count as a working day. */
  private static Set<LocalDate> checked(int year, Set<LocalDate> days) {
    Set<LocalDate> all = days == null ? Set.of() : Set.copyOf(days);
    all.stream().filter(day -> day.getYear() != year).findFirst().ifPresent(day -> {
      throw new IllegalArgumentException("nangbuoc.calendar.holidays." + year + " lists " + day
          + ", a day of another year");
    });
    return all;
  }

  public LocalTime officeClosesAt() {
    return officeClosesAt;
  }

  public boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidaysOf(day.getYear()).contains(day);
  }

  private Set<LocalDate> holidaysOf(int year) {
    Set<LocalDate> listed = holidays.get(year);
    if (listed == null) {
      if (warnedYears.add(year)) {
        log.warn("No public holidays configured for {} (nangbuoc.calendar.holidays.{}): deadlines in {} count"
            + " weekdays only", year, year, year);
      }
      return Set.of();
    }
    return listed;
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
