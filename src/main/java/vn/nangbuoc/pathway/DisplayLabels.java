package vn.nangbuoc.pathway;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.Sex;

/**
 * Vietnamese words for the codes the pathway stores, for the forms and pages that show a case: the case file's
 * own codes, then what the steps' catalogues say their records hold; dates as people write them.
 */
@Component
public class DisplayLabels {

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final Map<String, String> labels = new HashMap<>();

  public DisplayLabels(StepCatalogues catalogues) {
    for (ConditionGroup group : ConditionGroup.values()) {
      labels.put(group.name(), group.label());
    }
    for (Sex sex : Sex.values()) {
      labels.put(sex.name(), sex.label());
    }
    for (CaregiverRelation relation : CaregiverRelation.values()) {
      labels.put(relation.name(), relation.label());
    }
    for (ClosureOutcome outcome : ClosureOutcome.values()) {
      labels.put(outcome.name(), outcome.label());
    }
    // a step's words for a code win over the case file's (NOT_ELIGIBLE reads as the review's decision)
    labels.putAll(catalogues.valueLabels());
  }

  /** Words for a recorded value: a code's label, yes or no, a date as dd/mm/yyyy; else the value itself. */
  public String of(Object value) {
    if (value instanceof Boolean b) {
      return b ? "Có" : "Không";
    }
    String text = String.valueOf(value);
    if (ISO_DATE.matcher(text).matches()) {
      try {
        return LocalDate.parse(text).format(VIETNAMESE_DATE);
      } catch (DateTimeParseException notADate) {
        return text;
      }
    }
    return labels.getOrDefault(text, text);
  }

  /** Whether the value is a code some step or the case file knows words for. */
  public boolean knows(Object value) {
    return value != null && labels.containsKey(String.valueOf(value));
  }
}
