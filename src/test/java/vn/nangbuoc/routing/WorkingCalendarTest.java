package vn.nangbuoc.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import vn.nangbuoc.system.EngineTime;

class WorkingCalendarTest {

  // November 2026: Thursday 5, Friday 6, Saturday 7, Sunday 8, Monday 9, Tuesday 10
  private static final LocalDate THURSDAY = LocalDate.of(2026, 11, 5);
  private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 6);
  private static final LocalDate SATURDAY = LocalDate.of(2026, 11, 7);
  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 9);
  private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 10);

  private final WorkingCalendar calendar = new WorkingCalendar(LocalTime.of(17, 0), Map.of(2026, Set.of()));

  @Test
  void shouldSkipTheWeekend() {
    Date deadline = calendar.deadline(vietnam(FRIDAY, 10, 0), 1);

    assertThat(deadline).isEqualTo(officeClose(MONDAY));
  }

  @Test
  void shouldCountWorkingDaysAcrossTheWeekend() {
    Date deadline = calendar.deadline(vietnam(THURSDAY, 9, 0), 3);

    assertThat(deadline).isEqualTo(officeClose(TUESDAY));
  }

  @Test
  void shouldSkipHolidays() {
    // given: National Day, Tuesday 1 and Wednesday 2 September 2026
    WorkingCalendar withHolidays = new WorkingCalendar(LocalTime.of(17, 0),
        Map.of(2026, Set.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2))));

    // when: from Monday 31 August
    Date deadline = withHolidays.deadline(vietnam(LocalDate.of(2026, 8, 31), 8, 0), 1);

    // then
    assertThat(deadline).isEqualTo(officeClose(LocalDate.of(2026, 9, 3)));
  }

  @Test
  void shouldEndZeroDaysOnAWorkingDayAtItsOfficeClose() {
    Date deadline = calendar.deadline(vietnam(FRIDAY, 8, 30), 0);

    assertThat(deadline).isEqualTo(officeClose(FRIDAY));
  }

  @Test
  void shouldMoveZeroDaysOnASaturdayToMonday() {
    Date deadline = calendar.deadline(vietnam(SATURDAY, 11, 0), 0);

    assertThat(deadline).isEqualTo(officeClose(MONDAY));
  }

  @Test
  void shouldMoveZeroDaysOnAHolidayToTheNextWorkingDay() {
    WorkingCalendar withHoliday = new WorkingCalendar(LocalTime.of(17, 0), Map.of(2026, Set.of(MONDAY)));

    Date deadline = withHoliday.deadline(vietnam(MONDAY, 9, 0), 0);

    assertThat(deadline).isEqualTo(officeClose(TUESDAY));
  }

  @Test
  void shouldCountFromTheVietnameseDateWhenItIsAlreadyTomorrowInVietnam() {
    // given: Thursday 20:00 UTC is Friday 03:00 in Vietnam
    ZonedDateTime thursdayEveningUtc = ZonedDateTime.of(THURSDAY, LocalTime.of(20, 0), ZoneOffset.UTC);

    // when
    Date deadline = calendar.deadline(thursdayEveningUtc, 1);

    // then: one working day after Friday, not after Thursday
    assertThat(deadline).isEqualTo(officeClose(MONDAY));
  }

  @Test
  void shouldEndAtTheConfiguredOfficeClose() {
    WorkingCalendar closesEarly = new WorkingCalendar(LocalTime.of(16, 30), Map.of(2026, Set.of()));

    Date deadline = closesEarly.deadline(vietnam(FRIDAY, 10, 0), 1);

    assertThat(deadline.toInstant())
        .isEqualTo(LocalDateTime.of(MONDAY, LocalTime.of(16, 30)).atZone(EngineTime.VIETNAM).toInstant());
  }

  @Test
  void shouldCloseAt17WithoutHolidaysWhenNothingIsConfigured() {
    WorkingCalendar unconfigured = new WorkingCalendar(null, null);

    assertThat(unconfigured.officeClosesAt()).isEqualTo(LocalTime.of(17, 0));
    assertThat(unconfigured.deadline(vietnam(FRIDAY, 10, 0), 1)).isEqualTo(officeClose(MONDAY));
  }

  @Test
  void shouldCountTheHolidaysOfEachConfiguredYear() {
    // given: 2026 and 2027 lists
    WorkingCalendar calendar = new WorkingCalendar(LocalTime.of(17, 0),
        Map.of(2026, Set.of(LocalDate.of(2026, 9, 1)),
            2027, Set.of(LocalDate.of(2027, 9, 2), LocalDate.of(2027, 9, 3))));

    // when: from Wednesday 1 September 2027, one working day
    Date deadline = calendar.deadline(vietnam(LocalDate.of(2027, 9, 1), 9, 0), 1);

    // then: Thursday 2 and Friday 3 are holidays, the weekend too
    assertThat(deadline).isEqualTo(officeClose(LocalDate.of(2027, 9, 6)));
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 1))).isFalse();
  }

  @Test
  void shouldCountWeekdaysOnlyInAYearWithoutAList() {
    WorkingCalendar calendar = new WorkingCalendar(LocalTime.of(17, 0),
        Map.of(2026, Set.of(LocalDate.of(2026, 9, 2))));

    // 2 September 2030 is a Monday: nobody listed 2030's holidays
    assertThat(calendar.isWorkingDay(LocalDate.of(2030, 9, 2))).isTrue();
    assertThat(calendar.deadline(vietnam(LocalDate.of(2030, 8, 30), 9, 0), 1))
        .isEqualTo(officeClose(LocalDate.of(2030, 9, 2)));
  }

  @Test
  void shouldRefuseADayListedUnderAnotherYear() {
    assertThatThrownBy(() -> new WorkingCalendar(null, Map.of(2027, Set.of(LocalDate.of(2026, 9, 2)))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-09-02");
  }

  @Test
  void shouldReadTheShippedListsOf2026And2027() throws Exception {
    // given: the holidays as application.yaml ships them, bound as Spring binds them
    StandardEnvironment environment = new StandardEnvironment();
    new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
        .forEach(environment.getPropertySources()::addLast);
    WorkingCalendar shipped = Binder.get(environment).bind("nangbuoc.calendar", WorkingCalendar.class).get();

    // then: Tết 2027 (Monday 8 February) and National Day 2027 are days off, as is Tết 2026
    assertThat(shipped.isWorkingDay(LocalDate.of(2027, 2, 8))).isFalse();
    assertThat(shipped.isWorkingDay(LocalDate.of(2027, 9, 2))).isFalse();
    assertThat(shipped.isWorkingDay(LocalDate.of(2026, 2, 17))).isFalse();
    assertThat(shipped.isWorkingDay(LocalDate.of(2027, 2, 12))).isTrue();
  }

  private static ZonedDateTime vietnam(LocalDate day, int hour, int minute) {
    return ZonedDateTime.of(day, LocalTime.of(hour, minute), EngineTime.VIETNAM);
  }

  private static Date officeClose(LocalDate day) {
    Instant close = LocalDateTime.of(day, LocalTime.of(17, 0)).atZone(EngineTime.VIETNAM).toInstant();
    return Date.from(close);
  }
}
