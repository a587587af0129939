package vn.nangbuoc.pathway;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.task.Task;

/**
 * Said by the feature of a process whose tasks are about a unit, not a child (a unit's report): whose unit an
 * instance is, so that its forms open for the groups serving that unit as a child's do for the child's commune,
 * and what the forms show.
 */
public interface UnitTaskForms {

  /** The unit the instance is about; empty when it is not one of this feature's processes. */
  Optional<String> unitOf(String processInstanceId);

  /** The display values of the task's form, named {@code case_...} and escaped ({@link FormText}). */
  Map<String, String> valuesFor(Task task);
}
