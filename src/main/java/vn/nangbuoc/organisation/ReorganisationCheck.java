package vn.nangbuoc.organisation;

import java.util.Collection;
import java.util.List;

/**
 * A feature's say on a reorganisation before it is applied: work of its own that the change would strand, tied to
 * a unit or to a group of an agency that ends and that the reorganisation does not carry over (a unit's periodic
 * report, which keeps its receiving unit and its tasks' groups). The reorganisation's preview lists what each
 * check answers among its problems, which block the apply. Here, beside the organisation, and not in the
 * reorganisation's package: the features that answer it are ones the reorganisation itself depends on.
 */
public interface ReorganisationCheck {

  /**
   * @param endingUnits the units the change set ends (merged, abolished)
   * @param endingGroups the groups of the agencies it ends
   * @return problems in Vietnamese, naming what is stranded; empty when nothing is
   */
  List<String> problems(Collection<String> endingUnits, Collection<String> endingGroups);
}
