package vn.nangbuoc.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;

@NangBuocSpringTest
class TimerJobLogTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;

  @Test
  void shouldLogWhatATimerDidButNotThatItWasCreatedOrDeleted() {
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ProcessInstance pathway = driver.listEligibleChild();
    driver.review(pathway, "ACCEPT");
    Job escalation = engine.getManagementService().createJobQuery().processInstanceId(pathway.getId()).timers()
        .singleResult();

    engine.getManagementService().executeJob(escalation.getId());

    HistoryService history = engine.getHistoryService();
    // the review's escalation timer was created and deleted, the screening's created: none of it is logged
    assertThat(history.createHistoricJobLogQuery().processInstanceId(pathway.getId()).creationLog().count()).isZero();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(pathway.getId()).deletionLog().count()).isZero();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(pathway.getId()).successLog().list())
        .extracting(log -> log.getJobId()).contains(escalation.getId());
  }
}
