package vn.nangbuoc.routing;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What the tasks of a process are about when that is an administrative unit, not a child's case (a unit's report of
 * a period): routing finds the responsible agencies from the unit, as for a child from the child's commune, and a
 * task bound to the subject's deadline is due on that day.
 *
 * @param reference how task lists and mails name it (the report's business key)
 * @param unitName the unit as people read it ("Xã Mai Pha"), for task titles
 * @param unitCode the unit whose nearest agencies serve the tasks
 * @param unitsByTask the tasks another unit's agencies serve (the receiving office reviews): task key → unit code
 * @param deadline the last day of the tasks in {@code deadlineTasks}; null when none has one
 */
public record UnitSubject(String reference, String unitName, String unitCode, Map<String, String> unitsByTask,
    LocalDate deadline, Set<String> deadlineTasks) {

  public UnitSubject {
    unitsByTask = Map.copyOf(unitsByTask);
    deadlineTasks = Set.copyOf(deadlineTasks);
  }

  /** The unit whose nearest agency serves the task. */
  public String unitFor(String taskKey) {
    return unitsByTask.getOrDefault(taskKey, unitCode);
  }

  /** The deadline of the task, if it has one. */
  LocalDate deadlineOf(String taskKey) {
    return deadlineTasks.contains(taskKey) ? deadline : null;
  }
}
