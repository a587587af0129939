package vn.nangbuoc.pathway;

import java.util.HashMap;
import java.util.Map;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.Sex;

/**
 * Vietnamese words for the codes the pathway stores, for the forms that show a case: the case file's own codes,
 * then what the steps' catalogues say their records hold.
 */
final class DisplayLabels {

  private final Map<String, String> labels = new HashMap<>();

  DisplayLabels(StepCatalogues catalogues) {
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

  String of(Object value) {
    if (value instanceof Boolean b) {
      return b ? "Có" : "Không";
    }
    String text = String.valueOf(value);
    return labels.getOrDefault(text, text);
  }
}
