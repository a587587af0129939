package vn.nangbuoc.indicators;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One condition of a fact query, as the catalogue writes it ({@code indication=SURGERY}, {@code reached},
 * {@code age-under=7}): a fixed SQL condition per word, its value always a parameter and always one the word allows.
 * No SQL comes from the catalogue.
 */
record Filter(Word word, String value) {

  enum Word {
    INDICATION("indication", "f.indication = ?",
        Set.of("SURGERY", "REHABILITATION", "ASSISTIVE_DEVICE", "OTHER_SERVICE", "NONE")),
    SURGERY("surgery", "f.surgery_status = ?", Set.of("DONE", "POSTPONED")),
    SURGERY_NOT_DONE("surgery-not-done", "(f.surgery_status is null or f.surgery_status <> 'DONE')", null),
    CONSENT("consent", "f.family_consent = ?", Set.of("true", "false")),
    COUNSELLING("counselling", "f.counselling_outcome = ?", Set.of("CONSENTED", "DECLINED")),
    FUNDING("funding", "f.funding_decision = ?", Set.of("APPROVED", "WAITING", "REJECTED", "RETURNED")),
    SOURCE("source", "f.funding_source = ?", Set.of("FUND", "HEALTH_INSURANCE", "CHARITY", "OTHER")),
    OUTCOME("outcome", "f.closure_outcome = ?", Set.of("SURGERY_COMPLETED", "SERVICE_PROVIDED", "NO_INDICATION",
        "NOT_ELIGIBLE", "ABSENT_FROM_SCREENING", "NO_CONSENT", "NO_FUNDING", "WITHDRAWN", "OTHER_CLOSURE")),
    ACTIVE("active", "f.status = 'ACTIVE'", null),
    CLOSED("closed", "f.status = 'CLOSED'", null),
    SCREENED("screened", "f.screened_on is not null", null),
    ABSENT("absent", "f.absences > 0", null),
    SERVICE("service", "f.service_arranged_on is not null", null),
    /** Reached by the programme: operated on, or a service arranged. */
    REACHED("reached", "(f.surgery_status = 'DONE' or f.service_arranged_on is not null)", null),
    /** Younger than so many years on the last day of the period. */
    AGE_UNDER("age-under", "f.date_of_birth > ?", Set.of()),
    STEP("step", "t.step = ?", null),
    TIMED("timed", "t.due_at is not null", null),
    ON_TIME("on-time", "(t.due_at is not null and t.completed_at <= t.due_at)", null),
    LATE("late", "(t.due_at is not null and t.completed_at > t.due_at)", null);

    private final String text;
    private final String sql;
    /** null: a word without a value; empty: a whole number of years. */
    private final Set<String> values;

    Word(String text, String sql, Set<String> values) {
      this.text = text;
      this.sql = sql;
      this.values = values;
    }

    String sql() {
      return sql;
    }

    boolean overTasks() {
      return sql.contains("t.");
    }
  }

  private static final Map<String, Word> WORDS = Map.ofEntries(List.of(Word.values()).stream()
      .map(word -> Map.entry(word.text, word)).toArray(Map.Entry[]::new));

  /** Reads {@code word} or {@code word=VALUE}; a step's value is checked by the catalogue against the steps. */
  static Filter parse(String text) {
    String[] parts = text.strip().split("=", 2);
    Word word = WORDS.get(parts[0].strip());
    if (word == null) {
      throw new IllegalArgumentException("condition \"" + text + "\" is not one of " + WORDS.keySet());
    }
    String value = parts.length > 1 ? parts[1].strip() : null;
    boolean takesValue = word.values != null || word == Word.STEP;
    if (takesValue != (value != null)) {
      throw new IllegalArgumentException("condition \"" + text + "\": "
          + (takesValue ? "needs a value" : "takes none"));
    }
    if (word == Word.AGE_UNDER && !value.matches("\\d{1,2}")) {
      throw new IllegalArgumentException("condition \"" + text + "\": age in whole years");
    }
    if (word.values != null && !word.values.isEmpty() && !word.values.contains(value)) {
      throw new IllegalArgumentException("condition \"" + text + "\": value not one of " + word.values);
    }
    return new Filter(word, value);
  }

  /** The value bound to the condition's parameter, if it has one. */
  Object parameter(java.time.LocalDate lastDay) {
    return switch (word) {
      case AGE_UNDER -> lastDay.minusYears(Integer.parseInt(value));
      case CONSENT -> Boolean.valueOf(value);
      default -> value;
    };
  }
}
