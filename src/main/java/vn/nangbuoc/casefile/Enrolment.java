package vn.nangbuoc.casefile;

import java.util.List;
import java.util.Optional;

/** What a new case file enrols its child in: a programme's plan of one year. */
record Enrolment(String programme, int planYear) {

  /**
   * The one rule of enrolling a child again, for a listing and an import alike: the child's case file that
   * refuses this enrolment, if any. An open case of the programme refuses it; so does a closed one of the same
   * or a later plan year (the latest of them is named). Merged case files count for nothing: their child's is
   * the case they were merged into. None: the child may be enrolled (again) in this plan year.
   *
   * @param casesOfTheChild every case file of the child's personal ID, oldest plan year first
   */
  Optional<CaseFile> refusedBy(List<CaseFile> casesOfTheChild) {
    List<CaseFile> earlier = casesOfTheChild.stream()
        .filter(file -> file.programmeCode().equals(programme) && file.status() != CaseStatus.MERGED)
        .toList();
    Optional<CaseFile> open = earlier.stream().filter(file -> file.status() == CaseStatus.ACTIVE).findFirst();
    if (open.isPresent()) {
      return open;
    }
    return earlier.stream().filter(file -> file.planYear() >= planYear).reduce((first, second) -> second);
  }
}
