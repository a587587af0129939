package vn.nangbuoc.facts;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * What reports count about one child, as {@link CaseFactDerivation} reads it from the case file and its step
 * records: one row of {@code case_fact}. Mutable while it is derived, then written whole.
 */
final class CaseFact {

  /** The columns of {@code case_fact}, in the order of {@link #values()}. */
  static final List<String> COLUMNS = List.of("case_id", "status", "commune_code", "reform_commune_code", "sex",
      "date_of_birth", "ethnicity", "household_status", "disability_type", "disability_level", "condition_group",
      "listed_on", "eligible", "review_decision", "screened_on", "indication", "absences", "referred_on",
      "family_consent", "counselling_outcome", "funding_decision", "funding_source", "approved_on", "approved_amount",
      "paid_on", "paid_amount", "settled_on", "settled_amount", "surgery_status", "surgery_on", "postponements",
      "service_arranged_on", "service_started_on", "service_lead_kind", "follow_up_visits", "last_follow_up_on",
      "more_services_needed", "moves", "closed_on", "closure_outcome", "refreshed_at", "programme_code", "plan_year",
      "health_insurance_paid", "charity_paid");

  long caseId;
  String status;
  String communeCode;
  String reformCommuneCode;
  String sex;
  LocalDate dateOfBirth;
  String ethnicity;
  String householdStatus;
  String disabilityType;
  String disabilityLevel;
  String conditionGroup;
  LocalDate listedOn;
  Boolean eligible;
  String reviewDecision;
  LocalDate screenedOn;
  String indication;
  int absences;
  LocalDate referredOn;
  Boolean familyConsent;
  String counsellingOutcome;
  String fundingDecision;
  String fundingSource;
  LocalDate approvedOn;
  Long approvedAmount;
  LocalDate paidOn;
  Long paidAmount;
  LocalDate settledOn;
  Long settledAmount;
  String surgeryStatus;
  LocalDate surgeryOn;
  int postponements;
  LocalDate serviceArrangedOn;
  LocalDate serviceStartedOn;
  String serviceLeadKind;
  int followUpVisits;
  LocalDate lastFollowUpOn;
  Boolean moreServicesNeeded;
  int moves;
  LocalDate closedOn;
  String closureOutcome;
  java.sql.Timestamp refreshedAt;
  String programmeCode;
  Integer planYear;
  /** What health insurance and charity paid of the surgery, besides the bill the fund settled (V63). */
  Long healthInsurancePaid;
  Long charityPaid;

  Object[] values() {
    Object[] values = {caseId, status, communeCode, reformCommuneCode, sex, dateOfBirth, ethnicity, householdStatus,
        disabilityType, disabilityLevel, conditionGroup, listedOn, eligible, reviewDecision, screenedOn, indication,
        absences, referredOn, familyConsent, counsellingOutcome, fundingDecision, fundingSource, approvedOn,
        approvedAmount, paidOn, paidAmount, settledOn, settledAmount, surgeryStatus, surgeryOn, postponements,
        serviceArrangedOn, serviceStartedOn, serviceLeadKind, followUpVisits, lastFollowUpOn, moreServicesNeeded,
        moves, closedOn, closureOutcome, refreshedAt, programmeCode, planYear, healthInsurancePaid, charityPaid};
    if (values.length != COLUMNS.size()) {
      throw new IllegalStateException("case_fact has " + COLUMNS.size() + " columns, not " + values.length);
    }
    return values;
  }

  @Override
  public String toString() {
    return "CaseFact" + Arrays.toString(values());
  }
}
