package vn.nangbuoc.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/**
 * A child's case file: identity and where the case stands, for one enrolment (a programme and plan year); a child
 * enrolled again in a later year has one case file per enrolment. Caregivers and step records hang off it.
 *
 * @param currentStep the user task the pathway waits on, null when it waits on none
 * @param mergedInto the case file this one was merged into, when it was found to be the same child
 * @param programmeCode the programme this case enrols the child in (see {@link PlanYears})
 * @param planYear the year of the programme's plan the child is enrolled in
 */
public record CaseFile(
    long id,
    String caseNumber,
    String fullName,
    LocalDate dateOfBirth,
    Sex sex,
    String ethnicity,
    String personalId,
    String address,
    String communeCode,
    ConditionGroup conditionGroup,
    CaseStatus status,
    String closureOutcome,
    String processInstanceId,
    String listedBy,
    Instant listedAt,
    int version,
    HouseholdStatus householdStatus,
    DisabilityType disabilityType,
    DisabilityLevel disabilityLevel,
    String currentStep,
    Long mergedInto,
    String programmeCode,
    int planYear) {

  public int ageOn(LocalDate day) {
    return Period.between(dateOfBirth, day).getYears();
  }
}
