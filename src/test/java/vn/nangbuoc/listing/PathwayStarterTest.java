package vn.nangbuoc.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;

/** Children listed together get their pathways one by one afterwards; a failed start waits and is tried again. */
@NangBuocSpringTest
class PathwayStarterTest {

  @Autowired
  ListingService listing;
  @Autowired
  PathwayStarter starter;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldStartEveryWaitingPathwayAsTheUserWhoListedTheChildren() {
    List<Long> ids = listTogether(3);
    assertThat(ids).allSatisfy(id -> {
      assertThat(caseFiles.get(id).processInstanceId()).isNull();
      assertThat(listing.pathwayPending(id)).isTrue();
    });

    starter.startDue(100);

    assertThat(ids).allSatisfy(id -> {
      assertThat(listing.pathwayPending(id)).isFalse();
      String pathway = caseFiles.get(id).processInstanceId();
      assertThat(pathway).isNotNull();
      assertThat(caseFiles.get(id).currentStep()).isEqualTo(ChildPathway.TASK_REVIEW_LISTING);
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pathway)
          .singleResult().getStartUserId()).isEqualTo("cbmaipha");
    });
  }

  @Test
  void shouldKeepAFailedStartWaitingAndTryItAgainLater() {
    long id = listTogether(1).get(0);
    // a user outside Mai Pha may not start the pathway of a Mai Pha child
    jdbc.sql("update pending_pathway set requested_by = 'cbhoangdong' where case_id = ?").param(id).update();

    assertThat(starter.start(List.of(id))).isZero();

    assertThat(caseFiles.get(id).processInstanceId()).isNull();
    assertThat(jdbc.sql("select attempts from pending_pathway where case_id = ?").param(id).query(Integer.class)
        .single()).isEqualTo(1);
    assertThat(starter.start(List.of(id))).as("not before its retry time").isZero();
    jdbc.sql("update pending_pathway set requested_by = 'cbmaipha', next_attempt_at = ? where case_id = ?")
        .params(Timestamp.valueOf("2000-01-01 00:00:00"), id).update();
    assertThat(starter.startDue(100)).isGreaterThanOrEqualTo(1);
    assertThat(caseFiles.get(id).processInstanceId()).isNotNull();
  }

  private List<Long> listTogether(int count) {
    List<ChildListing> children = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      children.add(PathwayDriver.child("MAIPHA", LocalDate.now().minusYears(3 + i), ConditionGroup.EAR));
    }
    return listing.listAll(children, "cbmaipha").stream().map(CaseFileService.Opened::id).toList();
  }
}
