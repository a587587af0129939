package vn.nangbuoc.pathway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the code knows about one step of a process that records something about a child: a user task, a service
 * task that writes a step record, or an event outside the model (a withdrawal, a move). Everything else about the
 * step (its name, its routing, its form's fields) is in the model, its form and the routing table.
 *
 * @param id the element id in the model, and the step name of its records
 * @param kind what the step is in the model
 * @param form a user task's form file in forms/, e.g. {@code review-listing.form}; null for other kinds
 * @param name the Vietnamese name of a step outside the model (the model names the others); null otherwise
 * @param section the case page's section that shows its records
 * @param shortName how task forms name its latest record, {@code {{case_<shortName>_<field>}}}; null when no form
 *     shows it
 * @param decisions process variables the task decides: cleared when it starts, so an earlier round's answer (a first
 *     absence, a returned request) never stands for the new one
 * @param shows the earlier steps whose latest records its form shows: what this step needs, not the whole file
 * @param showsAll whether its form shows every step that has a short name (closing a case looks at all of it)
 * @param showsFund whether its form shows the fund's state: the task decides on money
 * @param fieldLabels the fields its records hold, in Vietnamese, as pages show them
 * @param amountFields those of its fields that are amounts in đồng
 * @param valueLabels the codes its records hold (a decision, a choice), in Vietnamese, as forms show them
 */
public record Step(String id, Kind kind, String form, String name, StepCatalogue.Section section, String shortName,
    List<String> decisions, Set<String> shows, boolean showsAll, boolean showsFund, Map<String, String> fieldLabels,
    Set<String> amountFields, Map<String, String> valueLabels) {

  /** What a step is in its process's model. */
  public enum Kind {
    USER_TASK, SERVICE_TASK, OUTSIDE_THE_MODEL
  }

  public Step {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(section, "section of " + id);
    if ((kind == Kind.USER_TASK) != (form != null)) {
      throw new IllegalArgumentException(id + ": a user task, and only a user task, has a form");
    }
    if ((kind == Kind.OUTSIDE_THE_MODEL) != (name != null)) {
      throw new IllegalArgumentException(id + ": a step outside the model, and only such a step, names itself");
    }
    if (!fieldLabels.keySet().containsAll(amountFields)) {
      throw new IllegalArgumentException(id + ": every amount field has a label");
    }
  }

  public static Builder userTask(String id, String form) {
    return new Builder(id, Kind.USER_TASK, form, null);
  }

  public static Builder serviceTask(String id) {
    return new Builder(id, Kind.SERVICE_TASK, null, null);
  }

  public static Builder outsideTheModel(String id, String name) {
    return new Builder(id, Kind.OUTSIDE_THE_MODEL, null, name);
  }

  /** Builds a step as a catalogue reads best: one fact a line. */
  public static final class Builder {

    private final String id;
    private final Kind kind;
    private final String form;
    private final String name;
    private StepCatalogue.Section section;
    private String shortName;
    private final List<String> decisions = new ArrayList<>();
    private final Set<String> shows = new LinkedHashSet<>();
    private boolean showsAll;
    private boolean showsFund;
    private final Map<String, String> fieldLabels = new LinkedHashMap<>();
    private final Set<String> amountFields = new LinkedHashSet<>();
    private final Map<String, String> valueLabels = new LinkedHashMap<>();

    private Builder(String id, Kind kind, String form, String name) {
      this.id = id;
      this.kind = kind;
      this.form = form;
      this.name = name;
    }

    public Builder in(StepCatalogue.Section section) {
      this.section = section;
      return this;
    }

    public Builder shortName(String shortName) {
      this.shortName = shortName;
      return this;
    }

    public Builder decides(String... variables) {
      decisions.addAll(List.of(variables));
      return this;
    }

    public Builder shows(String... steps) {
      shows.addAll(List.of(steps));
      return this;
    }

    public Builder showsAllSteps() {
      showsAll = true;
      return this;
    }

    public Builder showsFund() {
      showsFund = true;
      return this;
    }

    public Builder field(String field, String label) {
      fieldLabels.put(field, label);
      return this;
    }

    public Builder amount(String field, String label) {
      amountFields.add(field);
      return field(field, label);
    }

    public Builder value(String code, String label) {
      valueLabels.put(code, label);
      return this;
    }

    public Step build() {
      return new Step(id, kind, form, name, section, shortName, List.copyOf(decisions), Set.copyOf(shows),
          showsAll, showsFund, Map.copyOf(fieldLabels), Set.copyOf(amountFields), Map.copyOf(valueLabels));
    }
  }
}
