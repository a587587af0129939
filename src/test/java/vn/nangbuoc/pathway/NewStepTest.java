package vn.nangbuoc.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.HeldListings;
import vn.nangbuoc.erasure.CaseErasure;
import vn.nangbuoc.erasure.ErasureKind;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.system.EngineSystem;
import vn.nangbuoc.system.EngineTime;

/**
 * Issue 18's goal: a new step is its model, its form, one catalogue entry and its listener. The test-only process
 * growth-check adds exactly these ({@link GrowthCheckSteps}; the test records as the step's listener would), and its
 * step's record must show on its task's form and on the case page: a list of steps still written anywhere else
 * (the sections, the labels, the amounts, the codes, the steps a form shows, the step names) fails this test. Like
 * every user task, the step has a row in the routing table: data, deployed here with the test's process.
 */
@NangBuocSpringTest
class NewStepTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  TestRestTemplate http;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  CaseStepRecords records;
  @Autowired
  TaskFormContext formContext;
  @Autowired
  EngineSystem system;

  @Autowired
  CaseErasure erasure;

  Deployment deployment;
  CaseFile file;

  @BeforeEach
  void deploy() {
    deployment = engine.getRepositoryService().createDeployment().name("Quy trình thử: theo dõi tăng trưởng")
        .addClasspathResource(GrowthCheckSteps.MODEL).addClasspathResource(GrowthCheckSteps.FORM)
        .addString("task-routing.dmn", routingWithTheNewStep()).deploy();
  }

  /**
   * The new step's row of the routing table, which is data an administrator edits, not code: here a version of
   * the shipped table with the row copied from the follow-up visit's, deployed with the process and deleted with
   * it, so that the shipped table stays as it is for the other tests.
   */
  private String routingWithTheNewStep() {
    RepositoryService repository = engine.getRepositoryService();
    String latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(ChildPathway.DECISION_TASK_ROUTING)
        .latestVersion().singleResult().getId();
    String table = Dmn.convertToString(repository.getDmnModelInstance(latest));
    Matcher followUp = Pattern.compile("(?s)<rule id=\"Rule_FollowUpVisit\">.*?</rule>").matcher(table);
    assertThat(followUp.find()).as("the follow-up visit's row of the shipped routing table").isTrue();
    String newRow = followUp.group().replace("Rule_FollowUpVisit", "Rule_MeasureGrowth")
        .replace("\"Task_FollowUpVisit\"", "\"" + GrowthCheckSteps.TASK_MEASURE_GROWTH + "\"");
    return table.substring(0, followUp.end()) + newRow + table.substring(followUp.end());
  }

  @AfterEach
  void undeploy() {
    if (file != null) {
      // no case of a process that is no more stays behind for the tests that look at every case
      erasure.erase(file.id(), "Hồ sơ của quy trình thử đã kiểm tra xong", "quantri", ErasureKind.BY_ADMINISTRATOR);
    }
    engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
  }

  @Test
  void shouldShowANewStepsRecordOnItsFormAndTheCasePageFromItsCatalogueEntryAlone() throws IOException {
    file = caseFiles.open(PathwayDriver.child("MAIPHA", LocalDate.now().minusYears(4), ConditionGroup.MOTOR),
        null, "cbmaipha", HeldListings.Source.API);
    String instance = engine.getRuntimeService().startProcessInstanceByKey(GrowthCheckSteps.PROCESS_KEY).getId();
    caseFiles.attachProcess(file.id(), instance);
    // as a pathway's start listener does: the step's task, its routing and its escalation timer need the case
    engine.getRuntimeService().createMessageCorrelation("GrowthCaseAttached").processInstanceId(instance).correlate();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
      assertThat(new ObjectMapper().readTree(form).path("id").asText()).isEqualTo("Form_MeasureGrowth");
    }
    // what the step's listener records, from the round before
    records.append(file.id(), GrowthCheckSteps.TASK_MEASURE_GROWTH, "an-earlier-task", "cbmaipha", EngineTime.now(),
        Map.of("heightCm", 98, "nutrition", "STUNTED", "nutritionAllowance", 1_500_000));

    Map<String, String> shown = system.call(() -> formContext.forTask(task.getId(), "cbmaipha", "127.0.0.1"));
    assertThat(shown).containsEntry("case_growth_heightCm", "98").containsEntry("case_growth_nutrition", "Thấp còi")
        .containsEntry("case_growth_nutritionAllowance", VietnameseFormat.money(1_500_000))
        .containsKey("case_growth_recordedAt").containsEntry("case_number", file.caseNumber());

    PageBrowser pages = new PageBrowser(http);
    String page = pages.get(pages.login("cbmaipha"), "/ho-so/" + file.id()).getBody();
    assertThat(page).contains("Theo dõi tăng trưởng", "Đo chiều cao, cân nặng", "Chiều cao (cm)", "98",
        "Tiền hỗ trợ dinh dưỡng", VietnameseFormat.money(1_500_000)).doesNotContain("Bước khác", "Task_MeasureGrowth",
        "nutritionAllowance");
  }
}
