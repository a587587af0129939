package vn.nangbuoc.unitreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.input.ErrorAnswers;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.system.EngineTime;

/**
 * A unit report's task is the work of the group routing chose for it, as a child's is: a group or person added to
 * it by hand (another agency serving the commune, the city office that receives the report, another commune, the
 * administrators) neither reads what the commune typed nor sends, signs or reviews the report, and nobody adds
 * them through the engine's REST API.
 */
@NangBuocSpringTest
class HandAddedReportWorkersTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final String DIFFICULTIES = "Thiếu kinh phí truyền thông ở thôn Khòn Chè.";
  private static final String REFUSED = "Bạn không thuộc cơ quan được giao công việc này, nên không hoàn thành được.";

  @Autowired
  ProcessEngine engine;
  @Autowired
  ReportPeriods periods;
  @Autowired
  TestRestTemplate http;

  @Test
  void shouldGiveAReportsTaskOnlyToTheGroupRoutingChose() {
    UnitReportDriver driver = new UnitReportDriver(engine, periods);
    String period = driver.openPeriod(EngineTime.today().plusMonths(2), EngineTime.today().minusDays(1));
    ProcessInstance report = driver.startPreparing(period, "DONGKINH");
    String prepare = driver.task(report).getId();
    TaskService tasks = engine.getTaskService();

    for (String group : List.of("ttytTpLangSon", "ldtbxhTpLangSon", "ubndHoangDong", "camunda-admin")) {
      ResponseEntity<String> added = as("quantri").exchange("/engine-rest/task/" + prepare + "/identity-links",
          HttpMethod.POST, new HttpEntity<>(Map.of("groupId", group, "type", "candidate")), String.class);
      assertThat(added.getStatusCode()).as(group).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(added.getBody()).as(group).contains(ErrorAnswers.FORBIDDEN);
    }
    // links made where the product does not check them (before the upgrade, by the system)
    for (String group : List.of("ttytTpLangSon", "ldtbxhTpLangSon", "ubndHoangDong", "camunda-admin")) {
      tasks.addCandidateGroup(prepare, group);
    }
    tasks.addCandidateUser(prepare, "cvtaichinh");
    tasks.setVariable(prepare, "record_difficulties", DIFFICULTIES);

    for (String outsider : List.of("bsttyt", "cvldtbxh", "cbhoangdong", "cvtaichinh", "quantri")) {
      ResponseEntity<Map<String, Object>> form = as(outsider).exchange("/engine-rest/task/" + prepare
          + "/form-variables", HttpMethod.GET, null, OBJECT);
      assertThat(String.valueOf(form.getBody())).as(outsider).doesNotContain(DIFFICULTIES);
      ResponseEntity<String> sent = submit(outsider, prepare);
      assertThat(sent.getStatusCode()).as(outsider).isIn(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN);
      assertThat(sent.getBody()).as(outsider).containsAnyOf(REFUSED, ErrorAnswers.FORBIDDEN);
    }
    assertThat(as("cbhoangdong").exchange("/api/unit-reports/BC-" + period + "-DONGKINH", HttpMethod.GET, null,
        OBJECT).getBody()).containsKey("message").doesNotContainKey("versions");
    assertThat(driver.task(report).getId()).isEqualTo(prepare);

    // the commune's own caseworker sends it; a sign-off handed by hand to another commune's caseworker is not theirs
    assertThat(submit("cbdongkinh", prepare).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(driver.task(report).getTaskDefinitionKey()).isEqualTo(UnitReport.TASK_SIGN_OFF);
    String head = driver.headOf("DONGKINH", "ubndDongKinhHead");
    tasks.setAssignee(driver.task(report).getId(), "cbhoangdong");
    assertThatThrownBy(() -> driver.signOff("cbhoangdong", report, "APPROVE", null))
        .isInstanceOf(InvalidInputException.class).hasMessage(REFUSED);
    tasks.setAssignee(driver.task(report).getId(), null);
    driver.signOff(head, report, "APPROVE", null);
    assertThat(driver.task(report).getTaskDefinitionKey()).isEqualTo(UnitReport.TASK_REVIEW);
  }

  private ResponseEntity<String> submit(String user, String task) {
    Map<String, Object> variables = new LinkedHashMap<>();
    Map.of("record_communicationSessions", 3, "record_trainings", 2, "record_staffTrained", 25,
        "record_caregiversTakingPart", 40, "record_childrenTakingPart", 30, "record_difficulties", DIFFICULTIES)
        .forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return as(user).exchange("/engine-rest/task/" + task + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables)), String.class);
  }

  private TestRestTemplate as(String user) {
    return http.withBasicAuth(user, "demo123");
  }
}
