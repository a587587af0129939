package vn.nangbuoc.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.listing.ListingService;

/**
 * A task in a list says which child it is about: step, case number, initials, commune; a caseworker finds
 * it by searching the list (Tasklist's name search), it follows the child when the child moves, and the
 * child's name is nowhere in the engine.
 */
@NangBuocSpringTest
class TaskTitleTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {
      };

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  PathwayEvents events;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  TestRestTemplate http;

  PathwayDriver driver;

  @BeforeEach
  void driver() {
    driver = new PathwayDriver(engine, listing);
  }

  @Test
  void shouldNameEveryTaskWithItsCaseInitialsAndCommune() {
    ProcessInstance pathway = driver.listEligibleChild();
    String caseNumber = pathway.getBusinessKey();

    Task review = driver.task(pathway);
    assertThat(review.getName()).isEqualTo("Rà soát, tổng hợp danh sách · " + caseNumber + " · N.V.A. · Xã Mai Pha");
    driver.review(pathway, "ACCEPT");
    assertThat(driver.task(pathway).getName()).startsWith("Ghi kết quả khám sàng lọc · " + caseNumber + " · N.V.A.");

    // Tasklist's search ("tên công việc chứa …") finds the child's task by its number or initials
    List<Map<String, Object>> found = http.withBasicAuth("bsttyt", "demo123").exchange(
        "/engine-rest/task?nameLike={like}&firstResult=0&maxResults=15", HttpMethod.GET, null, LIST,
        "%" + caseNumber + "%").getBody();
    assertThat(found).extracting(task -> task.get("processInstanceId")).containsExactly(pathway.getId());

    List<HistoricTaskInstance> history = engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(pathway.getId()).list();
    assertThat(history).isNotEmpty().allSatisfy(task -> assertThat(task.getName()).doesNotContain("Nguyễn", "An"));
  }

  @Test
  void shouldFollowTheChildToItsNewCommune() {
    ProcessInstance pathway = driver.listEligibleChild();

    events.childMoved(caseFiles.getByProcessInstance(pathway.getId()).id(), "HOANGDONG", "cvldtbxh");

    // the review stays with the city's labour office; its name says where the child lives now
    assertThat(driver.task(pathway).getName()).endsWith(" · N.V.A. · Xã Hoàng Đồng");
  }

  @Test
  void shouldTellTheStepOfATitleAndOfANameOfBeforeTitles() {
    assertThat(TaskTitle.step(TaskTitle.of("Rà soát", "TPLANGSON-2026-00001", "N.V.A.", "Xã Mai Pha")))
        .isEqualTo("Rà soát");
    assertThat(TaskTitle.step("Rà soát, tổng hợp danh sách")).isEqualTo("Rà soát, tổng hợp danh sách");
    assertThat(TaskTitle.of(TaskTitle.of("Rà soát", "A", "B.", "C"), "D", "E.", "F")).isEqualTo("Rà soát · D · E. · F");
  }
}
