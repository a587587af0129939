package vn.nangbuoc.unitreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.system.EngineTime;

/**
 * What a report's forms show when Tasklist opens them: the unit's figures to its officer, the frozen version with
 * the narrative (escaped for the form's Markdown, so it reads as typed) to the head; to nobody outside the groups
 * the task went to.
 */
@NangBuocSpringTest
class UnitReportFormsTest {

  private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
  };

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ReportPeriods periods;

  @Test
  void shouldShowTheFiguresToTheOfficerAndTheSentVersionToTheHead() {
    UnitReportDriver driver = new UnitReportDriver(engine, periods);
    String head = driver.headOf("VINHTRAI", "ubndVinhTraiHead");
    LocalDate today = EngineTime.today();
    String period = driver.openPeriod(today.plusMonths(1), today.minusDays(1));
    ProcessInstance report = driver.startPreparing(period, "VINHTRAI");

    Map<String, Object> prepare = formOf("cbvinhtrai", driver.task(report).getId());
    assertThat(prepare).containsKeys("case_header", "case_deadline", "case_figures");
    assertThat(value(prepare, "case_header")).contains("Phường Vĩnh Trại");
    assertThat(value(prepare, "case_figures")).contains("Số trẻ").contains("\n- ");
    assertThat(formOf("cbmaipha", driver.task(report).getId())).doesNotContainKey("case_figures");

    driver.complete("cbvinhtrai", report, UnitReport.TASK_PREPARE, Map.of("record_communicationSessions", 3,
        "record_trainings", 1, "record_staffTrained", 12, "record_caregiversTakingPart", 20,
        "record_childrenTakingPart", 15, "record_difficulties", "Thiếu kinh phí *truyền thông* và _tập huấn_"));
    Map<String, Object> signOff = formOf(head, driver.task(report).getId());

    // the form's Markdown shows "&#58;" as the colon it is
    assertThat(value(signOff, "case_activities"))
        .contains("Số buổi truyền thông&#58; 3", "Số lượt trẻ em tham gia&#58; 15");
    assertThat(value(signOff, "case_difficulties")).doesNotContain("*truyền thông*", "_tập huấn_")
        .contains("Thiếu kinh phí", "truyền thông");
    assertThat(value(signOff, "case_prepared")).contains("Phiên bản 1");
    assertThat(signOff.keySet()).noneMatch(name -> name.startsWith("record_"));
  }

  private Map<String, Object> formOf(String user, String taskId) {
    return http.withBasicAuth(user, "demo123")
        .exchange("/engine-rest/task/" + taskId + "/form-variables", HttpMethod.GET, null, MAP).getBody();
  }

  @SuppressWarnings("unchecked")
  private static String value(Map<String, Object> variables, String name) {
    return (String) ((Map<String, Object>) variables.get(name)).get("value");
  }
}
