package vn.nangbuoc.pathway;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The catalogue of every process, one per process key: a new process adds its own catalogue as a bean and
 * nothing here. A record field or a code reads the same in every step and every process, so pages need not ask
 * which step wrote it: two steps that label the same field differently stop the application from starting.
 */
@Component
public class StepCatalogues {

  private final Map<String, StepCatalogue> byProcess = new LinkedHashMap<>();
  private final Map<String, String> fieldLabels;
  private final Map<String, String> valueLabels;
  private final Set<String> amountFields = new HashSet<>();

  public StepCatalogues(List<StepCatalogue> catalogues) {
    for (StepCatalogue catalogue : catalogues) {
      if (byProcess.put(catalogue.processKey(), catalogue) != null) {
        throw new IllegalArgumentException("two catalogues for process " + catalogue.processKey());
      }
      catalogue.steps().forEach(step -> amountFields.addAll(step.amountFields()));
    }
    fieldLabels = merged(Step::fieldLabels, "field");
    valueLabels = merged(Step::valueLabels, "code");
  }

  public Optional<StepCatalogue> of(String processKey) {
    return Optional.ofNullable(byProcess.get(processKey));
  }

  public List<StepCatalogue> all() {
    return List.copyOf(byProcess.values());
  }

  /** The steps of every process outside their models (a withdrawal, a move), with their names. */
  public Map<String, String> stepsOutsideTheModels() {
    Map<String, String> names = new HashMap<>();
    byProcess.values().forEach(catalogue -> catalogue.steps().stream()
        .filter(step -> step.kind() == Step.Kind.OUTSIDE_THE_MODEL).forEach(step -> names.put(step.id(), step.name())));
    return Map.copyOf(names);
  }

  /** Record field → its Vietnamese label. */
  public Map<String, String> fieldLabels() {
    return fieldLabels;
  }

  /** Recorded code → its Vietnamese words. */
  public Map<String, String> valueLabels() {
    return valueLabels;
  }

  public boolean isAmount(String field) {
    return amountFields.contains(field);
  }

  private Map<String, String> merged(Function<Step, Map<String, String>> labels, String what) {
    Map<String, String> merged = new HashMap<>();
    for (StepCatalogue catalogue : byProcess.values()) {
      for (Step step : catalogue.steps()) {
        labels.apply(step).forEach((key, label) -> {
          String before = merged.putIfAbsent(key, label);
          if (before != null && !before.equals(label)) {
            throw new IllegalArgumentException(catalogue.processKey() + ": " + what + " " + key + " of " + step.id()
                + " reads \"" + label + "\" where another step has \"" + before + "\"");
          }
        });
      }
    }
    return Map.copyOf(merged);
  }
}
