package vn.nangbuoc.casefile;

import java.time.LocalDate;

/**
 * What a commune caseworker knows when listing a child, as typed: everything is checked by
 * {@link ChildListingValidator} before a case file exists.
 *
 * @param communeCode may be null when the caseworker works for exactly one commune
 */
public record ChildListing(
    String fullName,
    LocalDate dateOfBirth,
    Sex sex,
    String ethnicity,
    String personalId,
    String address,
    String communeCode,
    ConditionGroup conditionGroup,
    String caregiverName,
    CaregiverRelation caregiverRelation,
    String caregiverPhone,
    HouseholdStatus householdStatus,
    DisabilityType disabilityType,
    DisabilityLevel disabilityLevel) {

  /** What the first listing usually knows; household and disability details come later. */
  public ChildListing(String fullName, LocalDate dateOfBirth, Sex sex, String ethnicity, String personalId,
      String address, String communeCode, ConditionGroup conditionGroup, String caregiverName,
      CaregiverRelation caregiverRelation, String caregiverPhone) {
    this(fullName, dateOfBirth, sex, ethnicity, personalId, address, communeCode, conditionGroup, caregiverName,
        caregiverRelation, caregiverPhone, null, null, null);
  }

  public ChildListing withCommuneCode(String code) {
    return new ChildListing(fullName, dateOfBirth, sex, ethnicity, personalId, address, code, conditionGroup,
        caregiverName, caregiverRelation, caregiverPhone, householdStatus, disabilityType, disabilityLevel);
  }
}
