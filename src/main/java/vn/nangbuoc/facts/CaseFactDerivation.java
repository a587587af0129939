package vn.nangbuoc.facts;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayEvents;
import vn.nangbuoc.system.EngineTime;

/**
 * Reads a child's facts from the case file and its step records, in the order they were recorded: the one
 * rule for what each step means to the reports, used by every step as it records (through {@link CaseFacts}) and
 * by the migration that fills the facts of case files recorded before. A later record of the same step (a second
 * screening after an absence, a new referral after a returned request) replaces what the earlier one said.
 */
final class CaseFactDerivation {

  /** The fund's money: the child protection fund approved and paid it. */
  static final String SOURCE_FUND = "FUND";

  /** The columns of {@code case_file} a fact needs. */
  record CaseRow(long id, String status, String communeCode, String sex, LocalDate dateOfBirth, String ethnicity,
      String householdStatus, String disabilityType, String disabilityLevel, String conditionGroup, Instant listedAt,
      Instant closedAt, String closureOutcome, String programmeCode, int planYear) {
  }

  /** One step record, its data as the step wrote it. */
  record StepRow(String step, Instant recordedAt, Map<String, Object> data) {
  }

  private CaseFactDerivation() {
  }

  /**
   * @param reformCommune the commune the case was in before a reorganisation carried it on, null when none did
   */
  static CaseFact derive(CaseRow row, List<StepRow> records, String reformCommune, Instant now) {
    CaseFact fact = new CaseFact();
    fact.caseId = row.id();
    fact.status = row.status();
    fact.communeCode = row.communeCode();
    fact.reformCommuneCode = reformCommune;
    fact.sex = row.sex();
    fact.dateOfBirth = row.dateOfBirth();
    fact.ethnicity = row.ethnicity();
    fact.householdStatus = row.householdStatus();
    fact.disabilityType = row.disabilityType();
    fact.disabilityLevel = row.disabilityLevel();
    fact.conditionGroup = row.conditionGroup();
    fact.listedOn = day(row.listedAt());
    fact.closedOn = row.closedAt() == null ? null : day(row.closedAt());
    fact.closureOutcome = row.closureOutcome();
    fact.programmeCode = row.programmeCode();
    fact.planYear = row.planYear();
    fact.refreshedAt = Timestamp.from(now);
    Money money = new Money();
    for (StepRow record : records) {
      apply(fact, money, record);
    }
    return fact;
  }

  /** What the approval and settlement said, until a later step confirms it. */
  private static final class Money {
    Long askedAmount;
    LocalDate askedOn;
    Long billed;
    Long approvedForBill;
  }

  private static void apply(CaseFact fact, Money money, StepRow record) {
    Map<String, Object> data = record.data();
    LocalDate recordedOn = day(record.recordedAt());
    switch (record.step()) {
      case ChildPathway.TASK_CHECK_ELIGIBILITY -> fact.eligible = bool(data.get("eligible"));
      case ChildPathway.TASK_REVIEW_LISTING -> fact.reviewDecision = text(data.get("listingDecision"));
      case ChildPathway.TASK_RECORD_SCREENING -> {
        String indication = text(data.get("indication"));
        if ("ABSENT".equals(indication)) {
          fact.absences++;
        } else if (indication != null) {
          fact.indication = indication;
          fact.screenedOn = date(data.get("screeningDate"), recordedOn);
        }
      }
      case ChildPathway.TASK_PREPARE_REFERRAL -> {
        fact.referredOn = recordedOn;
        fact.familyConsent = bool(data.get("familyConsent"));
      }
      case ChildPathway.TASK_COUNSEL_FAMILY -> fact.counsellingOutcome = text(data.get("counsellingOutcome"));
      case ChildPathway.TASK_APPROVE_FUNDING -> approval(fact, money, data, recordedOn);
      case ChildPathway.TASK_SEEK_OTHER_FUNDING -> {
        if (Boolean.TRUE.equals(bool(data.get("otherFundingFound")))) {
          fact.fundingSource = text(data.get("fundingSource"));
        }
      }
      case PathwayEvents.STEP_FUNDS_RESERVED -> {
        fact.fundingDecision = "APPROVED";
        fact.approvedAmount = amount(data.get("amount"));
        fact.approvedOn = recordedOn;
        fact.fundingSource = SOURCE_FUND;
      }
      case ChildPathway.TASK_RECORD_DISBURSEMENT -> {
        if ("WAITING".equals(fact.fundingDecision)) {
          // recorded before receipts were recorded with the case: paying the request proves its approval
          fact.fundingDecision = "APPROVED";
          fact.approvedAmount = money.askedAmount;
          fact.approvedOn = money.askedOn;
        }
        Long paid = amount(data.get("amountPaid"));
        fact.paidAmount = paid == null ? fact.paidAmount : (fact.paidAmount == null ? 0 : fact.paidAmount) + paid;
        fact.paidOn = date(data.get("paidOn"), recordedOn);
      }
      case ChildPathway.TASK_SETTLE_COSTS -> {
        Long topUp = amount(data.get("topUp"));
        money.billed = amount(data.get("actualCost"));
        money.approvedForBill = amount(data.get("approvedAmount"));
        fact.healthInsurancePaid = amount(data.get("healthInsurancePaid"));
        fact.charityPaid = amount(data.get("charityPaid"));
        if (topUp == null || topUp == 0) {
          settle(fact, money.billed, recordedOn);
        }
      }
      case ChildPathway.TASK_APPROVE_TOP_UP -> settle(fact,
          "APPROVED".equals(text(data.get("topUpDecision"))) ? money.billed : money.approvedForBill, recordedOn);
      case ChildPathway.TASK_RECORD_SURGERY_RESULT -> {
        String status = text(data.get("surgeryStatus"));
        fact.surgeryStatus = status;
        if ("DONE".equals(status)) {
          fact.surgeryOn = date(data.get("surgeryDate"), recordedOn);
        } else if ("POSTPONED".equals(status)) {
          fact.postponements++;
        }
      }
      case ChildPathway.TASK_ARRANGE_SERVICE -> {
        if (fact.serviceArrangedOn == null) {
          fact.serviceArrangedOn = recordedOn;
        }
        fact.serviceStartedOn = date(data.get("serviceStart"), recordedOn);
        fact.serviceLeadKind = text(data.get(ChildPathway.VAR_LEAD_AGENCY_KIND));
      }
      case ChildPathway.TASK_FOLLOW_UP_VISIT -> {
        fact.followUpVisits++;
        fact.lastFollowUpOn = date(data.get("visitDate"), recordedOn);
        fact.moreServicesNeeded = bool(data.get("moreServicesNeeded"));
      }
      case PathwayEvents.STEP_MOVE -> fact.moves++;
      default -> {
        // listing completed, closure, withdrawal, reorganisation: the case file itself says what counts
      }
    }
  }

  private static void approval(CaseFact fact, Money money, Map<String, Object> data, LocalDate recordedOn) {
    String decision = text(data.get("fundingDecision"));
    fact.fundingDecision = decision;
    money.askedAmount = amount(data.get("amount"));
    money.askedOn = recordedOn;
    if ("APPROVED".equals(decision)) {
      fact.approvedAmount = money.askedAmount;
      fact.approvedOn = recordedOn;
    } else {
      fact.approvedAmount = null;
      fact.approvedOn = null;
    }
    fact.fundingSource = "APPROVED".equals(decision) || "WAITING".equals(decision) ? SOURCE_FUND : null;
  }

  private static void settle(CaseFact fact, Long amount, LocalDate on) {
    fact.settledAmount = amount;
    fact.settledOn = on;
  }

  static LocalDate day(Instant instant) {
    return instant.atZone(EngineTime.VIETNAM).toLocalDate();
  }

  private static String text(Object value) {
    return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    return value == null ? null : Boolean.valueOf(String.valueOf(value));
  }

  private static Long amount(Object value) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    try {
      return value == null ? null : Long.valueOf(String.valueOf(value).strip());
    } catch (NumberFormatException notAnAmount) {
      return null;
    }
  }

  /** A date the step recorded (ISO, as the form reader writes it); the day of the record when there is none. */
  private static LocalDate date(Object value, LocalDate fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return LocalDate.parse(String.valueOf(value).strip());
    } catch (DateTimeParseException notADate) {
      return fallback;
    }
  }
}
