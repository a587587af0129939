package vn.nangbuoc.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.pathway.ChildPathway;

@NangBuocSpringTest
class RoutingTableTest {

  @Autowired
  RoutingTable table;
  @Autowired
  RepositoryService repository;
  @Autowired
  HistoryService history;

  @Test
  void shouldAskTheTableOncePerBandOfAmountsBetweenTheApprovalLimits() throws IOException {
    // a version of its own, so that no other test's answers are kept for it
    Deployment deployment = repository.createDeployment().name("Bảng phân công, bản thử")
        .addString("task-routing.dmn", Files.readString(Path.of("bpmn/task-routing.dmn"))).deploy();
    try {
      long before = evaluations();

      RoutingTable.Rule first = table.ruleFor(ChildPathway.TASK_APPROVE_FUNDING, 12_345_678L);
      RoutingTable.Rule sameBand = table.ruleFor(ChildPathway.TASK_APPROVE_FUNDING, 29_999_000L);
      RoutingTable.Rule atTheLimit = table.ruleFor(ChildPathway.TASK_APPROVE_FUNDING, 30_000_000L);
      RoutingTable.Rule aboveTheLimit = table.ruleFor(ChildPathway.TASK_APPROVE_FUNDING, 31_234_567L);
      RoutingTable.Rule farAbove = table.ruleFor(ChildPathway.TASK_APPROVE_FUNDING, 39_999_000L);

      RoutingTable.Rule labourOfficeHead = new RoutingTable.Rule("FUNDING_APPROVAL", "HEAD", 3);
      assertThat(first).isEqualTo(sameBand).isEqualTo(atTheLimit).isEqualTo(labourOfficeHead);
      assertThat(aboveTheLimit).isEqualTo(farAbove)
          .isEqualTo(new RoutingTable.Rule("LARGE_FUNDING_APPROVAL", "VICE_CHAIRMAN", 5));
      assertThat(evaluations() - before).as("below, at and above the limit").isEqualTo(3);
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void shouldAskOnceForAllAmountsWhereNoRuleOfTheTaskLooksAtTheAmount() {
    long before = evaluations();

    RoutingTable.Rule one = table.ruleFor(ChildPathway.TASK_RECORD_DISBURSEMENT, 11_111_000L);
    RoutingTable.Rule other = table.ruleFor(ChildPathway.TASK_RECORD_DISBURSEMENT, 39_999_000L);

    assertThat(other).isEqualTo(one);
    assertThat(evaluations() - before).isLessThanOrEqualTo(1);
    assertThat(table.ruleFor(ChildPathway.TASK_APPROVE_FUNDING, 39_999_000L))
        .isNotEqualTo(table.ruleFor(ChildPathway.TASK_APPROVE_FUNDING, 11_111_000L));
  }

  @Test
  void shouldAskANewVersionOfTheTableAfresh() throws IOException {
    RoutingTable.Rule before = table.ruleFor(ChildPathway.TASK_APPROVE_FUNDING, 7_654_321L);
    String table = Files.readString(Path.of("bpmn/task-routing.dmn"));
    String fiveDays = table.replaceFirst(
        "(<rule id=\"Rule_ApproveFundingUpTo30M\">(?s:.*?)<outputEntry id=\"[^\"]+\">\\s*<text>)3(</text>)", "$15$2");
    assertThat(fiveDays).isNotEqualTo(table);
    Deployment deployment = repository.createDeployment().name("Hạn phê duyệt 5 ngày")
        .addString("task-routing.dmn", fiveDays).deploy();
    try {
      assertThat(this.table.ruleFor(ChildPathway.TASK_APPROVE_FUNDING, 7_654_321L).deadlineDays()).isEqualTo(5);
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
    assertThat(this.table.ruleFor(ChildPathway.TASK_APPROVE_FUNDING, 7_654_321L)).isEqualTo(before);
  }

  private long evaluations() {
    return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(ChildPathway.DECISION_TASK_ROUTING)
        .count();
  }
}
