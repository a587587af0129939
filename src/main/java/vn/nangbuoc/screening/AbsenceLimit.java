package vn.nangbuoc.screening;

/**
 * A child who keeps missing the screening is not invited for ever: after the configured number of
 * absences the case closes as "absent from screening".
 */
final class AbsenceLimit {

  private final int maxAbsences;

  AbsenceLimit(int maxAbsences) {
    this.maxAbsences = maxAbsences;
  }

  /**
   * Whether this screening ends the invitations.
   *
   * @param absences how many screenings the case's records show the child absent from, this one included
   */
  boolean reached(Indication indication, long absences) {
    return indication == Indication.ABSENT && absences >= maxAbsences;
  }
}
