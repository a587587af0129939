package vn.nangbuoc.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.erasure.CaseErasure;
import vn.nangbuoc.erasure.ErasureKind;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.pathway.PathwayEvents;
import vn.nangbuoc.system.EngineTime;

/**
 * The report facts follow the case as its steps record, in typed columns; the migration's backfill derives the same
 * facts from the step records; an erased child has none.
 */
@NangBuocSpringTest
class CaseFactsTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  PathwayEvents events;
  @Autowired
  CaseErasure erasure;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  DataSource dataSource;

  PathwayDriver driver;

  @BeforeEach
  void setUp() {
    driver = new PathwayDriver(engine, listing);
  }

  @Test
  void shouldKeepTheFactsOfEachStepInTypedColumnsAndDeriveTheSameFromTheRecords() throws Exception {
    ProcessInstance pathway = driver.list("cbmaipha",
        PathwayDriver.child("MAIPHA", LocalDate.now().minusYears(7), ConditionGroup.MOTOR));
    CaseFile file = caseFiles.getByProcessInstance(pathway.getId());
    assertThat(fact(file.id())).containsEntry("STATUS", "ACTIVE").containsEntry("COMMUNE_CODE", "MAIPHA")
        .containsEntry("SEX", "MALE").containsEntry("CONDITION_GROUP", "MOTOR")
        .containsEntry("LISTED_ON", java.sql.Date.valueOf(EngineTime.today())).containsEntry("SCREENED_ON", null)
        .containsEntry("PROGRAMME_CODE", file.programmeCode()).containsEntry("PLAN_YEAR", file.planYear());

    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "ABSENT");
    driver.screen(pathway, "SURGERY");
    driver.prepareReferral("cvldtbxh", pathway, 6_000_000, true);
    driver.approve("tpldtbxh", pathway, "APPROVED");
    driver.disburse(pathway, 5_500_000);
    driver.surgeryDone(pathway);
    assertThatThrownBy(() -> driver.complete("cvtaichinh", pathway, ChildPathway.TASK_SETTLE_COSTS,
        PathwayDriver.vars("record_actualCost", 5_500_000, "record_invoiceNumber", "HĐ-1",
            "record_healthInsurancePaid", -1, "record_charityPaid", "một triệu")))
        .as("the other sources' money in whole đồng, never negative").isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bảo hiểm y tế đã chi trả (đồng) phải từ 0")
        .hasMessageContaining("từ thiện đã hỗ trợ (đồng) phải là số nguyên");
    assertThat(driver.task(pathway).getTaskDefinitionKey()).as("nothing settled")
        .isEqualTo(ChildPathway.TASK_SETTLE_COSTS);
    driver.settle(pathway, 5_500_000, 2_000_000, 0);

    Map<String, Object> fact = fact(file.id());
    assertThat(fact).containsEntry("ABSENCES", 1).containsEntry("INDICATION", "SURGERY")
        .containsEntry("CONDITION_GROUP", "CLEFT_LIP_PALATE").containsEntry("FAMILY_CONSENT", true)
        .containsEntry("FUNDING_DECISION", "APPROVED").containsEntry("FUNDING_SOURCE", "FUND")
        .containsEntry("APPROVED_AMOUNT", 6_000_000L).containsEntry("PAID_AMOUNT", 5_500_000L)
        .containsEntry("SETTLED_AMOUNT", 5_500_000L).containsEntry("SURGERY_STATUS", "DONE")
        .containsEntry("HEALTH_INSURANCE_PAID", 2_000_000L).containsEntry("CHARITY_PAID", 0L)
        .containsEntry("SURGERY_ON", java.sql.Date.valueOf(LocalDate.now()));
    assertThat(jdbc.queryForList("select step from case_task_fact where case_id = ? and due_at is not null"
        + " and agency_id is not null", String.class, file.id()))
        .as("each completed task, with its agency and due date")
        .contains(ChildPathway.TASK_REVIEW_LISTING, ChildPathway.TASK_RECORD_SCREENING,
            ChildPathway.TASK_SETTLE_COSTS);

    events.childMoved(file.id(), "HOANGDONG", "cvldtbxh");
    assertThat(fact(file.id())).containsEntry("COMMUNE_CODE", "HOANGDONG").containsEntry("MOVES", 1);

    Map<String, Object> live = fact(file.id());
    jdbc.update("delete from case_fact where case_id = ?", file.id());
    try (Connection connection = dataSource.getConnection()) {
      FactsBackfill.fill(connection);
    }
    Map<String, Object> filled = fact(file.id());
    live.remove("REFRESHED_AT");
    filled.remove("REFRESHED_AT");
    assertThat(filled).as("the migration derives what the steps wrote").isEqualTo(live);

    caseFiles.carryTo(file.id(), "MAIPHA");
    caseFiles.carryTo(file.id(), "CHILANG");
    assertThat(fact(file.id())).as("a reorganisation carries the case on; the old units find it where it was")
        .containsEntry("COMMUNE_CODE", "CHILANG").containsEntry("REFORM_COMMUNE_CODE", "HOANGDONG");

    erasure.erase(file.id(), "Theo đơn đề nghị của gia đình, công văn số 7/2026", "quantri",
        ErasureKind.BY_ADMINISTRATOR);
    assertThat(jdbc.queryForObject("select count(*) from case_fact where case_id = ?", Long.class, file.id()))
        .isZero();
    assertThat(jdbc.queryForObject("select count(*) from case_task_fact where case_id = ?", Long.class, file.id()))
        .isZero();
  }

  private Map<String, Object> fact(long caseId) {
    Map<String, Object> fact = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    fact.putAll(jdbc.queryForMap("select * from case_fact where case_id = ?", caseId));
    return fact;
  }
}
