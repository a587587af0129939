package vn.nangbuoc.indicators;

import java.util.List;

/**
 * A named count (or sum, or median) over the facts: what an indicator's numerator or denominator is.
 *
 * @param dated the date that places a child (or a task) in the period
 * @param between for the median: the two dates whose distance in days is taken
 */
record FactQuery(Measure measure, DateField dated, List<Filter> where, List<DateField> between) {

  FactQuery {
    where = List.copyOf(where);
    between = List.copyOf(between);
    if ((measure == Measure.MEDIAN_DAYS) != (between.size() == 2)) {
      throw new IllegalArgumentException("median-days, and only it, needs between: [first date, second date]");
    }
    boolean tasks = measure.overTasks() || dated == DateField.TASK_COMPLETED
        || where.stream().anyMatch(filter -> filter.word().overTasks());
    if (tasks && !(measure.overTasks() && dated == DateField.TASK_COMPLETED)) {
      throw new IllegalArgumentException("the tasks measure, and only it, is dated task-completed and may use the"
          + " step, timed, on-time and late conditions");
    }
  }
}
