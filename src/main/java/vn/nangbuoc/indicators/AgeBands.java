package vn.nangbuoc.indicators;

import java.time.LocalDate;

/** The age bands reports use (0–5, 6–10, 11–15, 16–17), by age on the last day of the period. */
final class AgeBands {

  static final String[] BANDS = {"0-5", "6-10", "11-15", "16-17"};
  static final String ADULT = "18+";

  private AgeBands() {
  }

  /**
   * The band as SQL over {@code f.date_of_birth}: born after the day {@code lastDay} minus six years means five
   * or younger on {@code lastDay}. The bounds are parameters {@code :age6, :age11, :age16, :age18}.
   */
  static String expression() {
    return "case when f.date_of_birth > :age6 then '0-5' when f.date_of_birth > :age11 then '6-10'"
        + " when f.date_of_birth > :age16 then '11-15' when f.date_of_birth > :age18 then '16-17' else '18+' end";
  }

  static java.util.Map<String, Object> bounds(LocalDate lastDay) {
    return java.util.Map.of("age6", lastDay.minusYears(6), "age11", lastDay.minusYears(11),
        "age16", lastDay.minusYears(16), "age18", lastDay.minusYears(18));
  }

  /** The band of a child born on {@code birth}, on {@code lastDay}: the same rule in Java, for tests and checks. */
  static String of(LocalDate birth, LocalDate lastDay) {
    int age = java.time.Period.between(birth, lastDay).getYears();
    return age <= 5 ? "0-5" : age <= 10 ? "6-10" : age <= 15 ? "11-15" : age <= 17 ? "16-17" : ADULT;
  }
}
