package vn.nangbuoc.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nangbuoc.facts.CaseFactDerivation.CaseRow;
import vn.nangbuoc.facts.CaseFactDerivation.StepRow;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayEvents;

/** What each step means to the reports, on the paths a Spring test cannot reach cheaply. */
class CaseFactDerivationTest {

  static final Instant LISTED = Instant.parse("2026-03-01T02:00:00Z");
  static final CaseRow ROW = new CaseRow(1, "ACTIVE", "MAIPHA", "FEMALE", LocalDate.of(2020, 5, 1), "Tày", "POOR",
      null, null, "MOTOR", LISTED, null, null, "TEKT-CONGDONG", 2026);

  @Test
  void shouldApproveAWaitingRequestWhenAReceiptReservesItsMoney() {
    CaseFact waiting = derive(step(ChildPathway.TASK_APPROVE_FUNDING, 5, Map.of("fundingDecision", "WAITING",
        "amount", 7_000_000)));
    assertThat(waiting.fundingDecision).isEqualTo("WAITING");
    assertThat(waiting.approvedAmount).as("not approved until the money is there").isNull();
    assertThat(waiting.fundingSource).isEqualTo(CaseFactDerivation.SOURCE_FUND);

    CaseFact reserved = derive(step(ChildPathway.TASK_APPROVE_FUNDING, 5, Map.of("fundingDecision", "WAITING",
        "amount", 7_000_000)), step(PathwayEvents.STEP_FUNDS_RESERVED, 20, Map.of("amount", 7_000_000)));
    assertThat(reserved.fundingDecision).isEqualTo("APPROVED");
    assertThat(reserved.approvedAmount).isEqualTo(7_000_000);
    assertThat(reserved.approvedOn).isEqualTo(LocalDate.of(2026, 3, 21));
  }

  @Test
  void shouldSettleTheBillOnlyWhenNoTopUpWaitsAndThenByTheTopUpsDecision() {
    StepRow approved = step(ChildPathway.TASK_APPROVE_FUNDING, 5, Map.of("fundingDecision", "APPROVED",
        "amount", 10_000_000));
    StepRow billed = step(ChildPathway.TASK_SETTLE_COSTS, 40, Map.of("actualCost", 14_000_000,
        "approvedAmount", 10_000_000, "topUp", 3_000_000));
    assertThat(derive(approved, billed).settledAmount).as("the top-up waits for a manager").isNull();
    assertThat(derive(approved, billed, step(ChildPathway.TASK_APPROVE_TOP_UP, 42, Map.of("topUpDecision",
        "APPROVED"))).settledAmount).isEqualTo(14_000_000);
    assertThat(derive(approved, billed, step(ChildPathway.TASK_APPROVE_TOP_UP, 42, Map.of("topUpDecision",
        "REJECTED"))).settledAmount).isEqualTo(10_000_000);
  }

  @Test
  void shouldLetTheLatestScreeningAndReferralStandAndCountAbsencesAndVisits() {
    CaseFact fact = derive(
        step(ChildPathway.TASK_RECORD_SCREENING, 2, Map.of("indication", "ABSENT")),
        step(ChildPathway.TASK_RECORD_SCREENING, 9, Map.of("indication", "SURGERY", "screeningDate", "2026-03-09")),
        step(ChildPathway.TASK_PREPARE_REFERRAL, 10, Map.of("familyConsent", false)),
        step(ChildPathway.TASK_COUNSEL_FAMILY, 12, Map.of("counsellingOutcome", "CONSENTED")),
        step(ChildPathway.TASK_PREPARE_REFERRAL, 13, Map.of("familyConsent", true)),
        step(ChildPathway.TASK_APPROVE_FUNDING, 14, Map.of("fundingDecision", "REJECTED", "amount", 9_000_000)),
        step(ChildPathway.TASK_SEEK_OTHER_FUNDING, 15, Map.of("otherFundingFound", true,
            "fundingSource", "HEALTH_INSURANCE")),
        step(ChildPathway.TASK_RECORD_SURGERY_RESULT, 30, Map.of("surgeryStatus", "POSTPONED")),
        step(ChildPathway.TASK_RECORD_SURGERY_RESULT, 45, Map.of("surgeryStatus", "DONE", "surgeryDate", "2026-04-14")),
        step(ChildPathway.TASK_FOLLOW_UP_VISIT, 75, Map.of("visitDate", "2026-05-15", "moreServicesNeeded", false)),
        step(ChildPathway.TASK_FOLLOW_UP_VISIT, 135, Map.of("visitDate", "2026-07-14", "moreServicesNeeded", true)),
        step(PathwayEvents.STEP_MOVE, 140, Map.of("from", "Xã Mai Pha", "to", "Xã Hoàng Đồng")));

    assertThat(fact.absences).isEqualTo(1);
    assertThat(fact.indication).isEqualTo("SURGERY");
    assertThat(fact.screenedOn).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(fact.familyConsent).isTrue();
    assertThat(fact.counsellingOutcome).isEqualTo("CONSENTED");
    assertThat(fact.fundingDecision).isEqualTo("REJECTED");
    assertThat(fact.approvedAmount).isNull();
    assertThat(fact.fundingSource).isEqualTo("HEALTH_INSURANCE");
    assertThat(fact.postponements).isEqualTo(1);
    assertThat(fact.surgeryStatus).isEqualTo("DONE");
    assertThat(fact.surgeryOn).isEqualTo(LocalDate.of(2026, 4, 14));
    assertThat(fact.followUpVisits).isEqualTo(2);
    assertThat(fact.lastFollowUpOn).isEqualTo(LocalDate.of(2026, 7, 14));
    assertThat(fact.moreServicesNeeded).isTrue();
    assertThat(fact.moves).isEqualTo(1);
    assertThat(fact.listedOn).as("the day in Vietnam").isEqualTo(LocalDate.of(2026, 3, 1));
  }

  private static StepRow step(String step, int daysAfterListing, Map<String, Object> data) {
    return new StepRow(step, LISTED.plusSeconds(86_400L * daysAfterListing), data);
  }

  private static CaseFact derive(StepRow... records) {
    return CaseFactDerivation.derive(ROW, List.of(records), null, Instant.now());
  }
}
