package vn.nangbuoc.routing;

import java.util.Optional;

/**
 * Said by the feature of a process whose subject is a unit (a unit's report): the subject of one of its running
 * instances. Routing asks only when the instance is no child's pathway, so a child's tasks cost nothing more.
 */
public interface UnitSubjects {

  /** The instance's subject; empty when the instance is not one of this feature's processes. */
  Optional<UnitSubject> of(String processInstanceId);
}
