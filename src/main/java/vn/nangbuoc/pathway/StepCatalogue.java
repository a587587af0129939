package vn.nangbuoc.pathway;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of one process, in the order a child meets them, and the case page's sections they fall into: the one
 * place that says what the code knows about each step. Lists that other classes need (the user tasks a case list
 * filters by, what a task clears, the labels of record fields) are read from here, never written again.
 * {@code CatalogueCoversTheModelsTest} holds a catalogue and its model together.
 */
public final class StepCatalogue {

  /** A part of the case page, in the order the process runs. */
  public record Section(String title) {
  }

  private final String processKey;
  private final String model;
  private final List<Section> sections;
  private final Map<String, Step> steps = new LinkedHashMap<>();

  /**
   * @param processKey the process it describes
   * @param model the model's resource on the class path, e.g. {@code bpmn/child-pathway.bpmn}
   */
  public StepCatalogue(String processKey, String model, List<Section> sections, List<Step> steps) {
    this.processKey = processKey;
    this.model = model;
    this.sections = List.copyOf(sections);
    for (Step step : steps) {
      if (this.steps.put(step.id(), step) != null) {
        throw new IllegalArgumentException(processKey + ": step " + step.id() + " is catalogued twice");
      }
      if (!this.sections.contains(step.section())) {
        throw new IllegalArgumentException(processKey + ": step " + step.id() + " is in a section not listed");
      }
    }
    for (Step step : steps) {
      Set<String> unknown = new HashSet<>(step.shows());
      unknown.removeAll(this.steps.keySet());
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException(processKey + ": step " + step.id() + " shows unknown steps " + unknown);
      }
      for (String shown : step.shows()) {
        if (this.steps.get(shown).shortName() == null) {
          throw new IllegalArgumentException(processKey + ": step " + step.id() + " shows " + shown
              + ", which has no short name for its form to use");
        }
      }
    }
    Set<String> shortNames = new HashSet<>();
    for (Step step : steps) {
      if (step.shortName() != null && !shortNames.add(step.shortName())) {
        throw new IllegalArgumentException(processKey + ": short name " + step.shortName() + " is taken twice");
      }
    }
  }

  public String processKey() {
    return processKey;
  }

  public String model() {
    return model;
  }

  public List<Section> sections() {
    return sections;
  }

  public List<Step> steps() {
    return List.copyOf(steps.values());
  }

  public Optional<Step> step(String id) {
    return Optional.ofNullable(steps.get(id));
  }

  /** The user tasks in the order a child meets them. */
  public List<String> userTasks() {
    return steps.values().stream().filter(step -> step.kind() == Step.Kind.USER_TASK).map(Step::id).toList();
  }

  /** The ids of a section's steps. */
  public List<String> stepsIn(Section section) {
    return steps.values().stream().filter(step -> step.section().equals(section)).map(Step::id).toList();
  }

  /** What a step decides: the variables cleared when its task starts; none for a step not in the catalogue. */
  public List<String> decisionsOf(String stepId) {
    return step(stepId).map(Step::decisions).orElse(List.of());
  }

  /** The steps whose latest records a task's form shows. */
  public List<Step> shownBy(String taskId) {
    Step step = steps.get(taskId);
    if (step == null) {
      return List.of();
    }
    if (step.showsAll()) {
      return steps.values().stream().filter(s -> s.shortName() != null).toList();
    }
    return step.shows().stream().map(steps::get).toList();
  }
}
