package vn.nangbuoc.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;

/** The coordinating agency of a commune comes from the organisation data; where none is known, no one is named. */
@NangBuocSpringTest
class CaseCoordinatorTest {

  @Autowired
  CaseCoordinator coordinator;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ProcessEngine engine;

  @Test
  void shouldNameTheAgencyThatServesCaseCoordinationForTheCommune() {
    String expected = jdbc.sql("select a.name from agency a join agency_duty d on d.agency_id = a.id"
        + " where d.duty = 'CASE_COORDINATION' and a.unit_code = 'TPLANGSON'").query(String.class).single();

    assertThat(coordinator.nameFor("MAIPHA")).isEqualTo(expected);
    assertThat(coordinator.nameFor(List.of("MAIPHA", "HOANGDONG"))).isEqualTo(expected);
  }

  /** The duty asked for is the one the routing table gives the review of a listing: who verifies is who reviews. */
  @Test
  void shouldAskForTheDutyTheRoutingTableGivesTheReviewOfAListing() {
    Map<String, Object> facts = new HashMap<>();
    facts.put("taskKey", "Task_ReviewListing");
    facts.put("estimatedCost", null);

    DmnDecisionTableResult route = engine.getDecisionService().evaluateDecisionTableByKey("task-routing", facts);

    assertThat((String) route.getSingleResult().getEntry("duty")).isEqualTo(CaseCoordinator.DUTY);
    assertThat((String) route.getSingleResult().getEntry("staffRole")).isEqualTo(CaseCoordinator.ROLE);
  }

  @Test
  void shouldNameNoOneWhereTheCommuneIsUnknownOrNotServed() {
    assertThat(coordinator.nameFor((String) null)).isEqualTo(CaseCoordinator.NEUTRAL);
    assertThat(coordinator.nameFor("KHONGCO")).isEqualTo(CaseCoordinator.NEUTRAL);
    assertThat(coordinator.nameFor(List.of("MAIPHA", "KHONGCO"))).isEqualTo(CaseCoordinator.NEUTRAL);
    assertThat(coordinator.nameFor(List.of())).isEqualTo(CaseCoordinator.NEUTRAL);
  }
}
