package vn.nangbuoc.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.listing.ListingService;

/**
 * Item 8 of issue 17: what users typed is text in the approver's Tasklist form. Markup is refused
 * where a task takes it, and a value that got in before is shown escaped.
 */
@NangBuocSpringTest
class FormValuesAsTextTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final List<String> MARKUP =
      List.of("<a href=\"http://evil\">Đăng nhập</a>", "[Đăng nhập](http://evil)");

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  CaseStepRecords records;

  private PathwayDriver driver;

  @BeforeEach
  void setUp() {
    driver = new PathwayDriver(engine, listing);
  }

  @Test
  void shouldRefuseMarkupAsHospitalOrProcedureAndStoreNothing() {
    ProcessInstance pathway = driver.listEligibleChild();
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");
    Task referral = driver.task(pathway);
    long caseId = caseFiles.getByProcessInstance(pathway.getId()).id();

    for (String markup : MARKUP) {
      for (String field : List.of("record_hospital", "record_procedure")) {
        Map<String, Object> variables = new LinkedHashMap<>(Map.of("record_hospital", "Bệnh viện Nhi Trung ương",
            "record_procedure", "Tạo hình môi", "record_estimatedCost", 9_000_000, "familyConsent", "true"));
        variables.put(field, markup);

        ResponseEntity<Map<String, Object>> refused = http.withBasicAuth("cvldtbxh", "demo123").exchange(
            "/engine-rest/task/" + referral.getId() + "/submit-form", HttpMethod.POST,
            new HttpEntity<>(Map.of("variables", typed(variables))), OBJECT);

        assertThat(refused.getStatusCode()).as(field + " " + markup).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).contains("không được chứa");
      }
    }
    assertThat(driver.task(pathway).getId()).isEqualTo(referral.getId());
    assertThat(records.latest(caseId, ChildPathway.TASK_PREPARE_REFERRAL)).isEmpty();
  }

  @Test
  void shouldShowMarkupThatGotInBeforeAsTextInTheApproversForm() {
    ProcessInstance pathway = driver.listEligibleChild();
    driver.review(pathway, "ACCEPT");
    driver.screen(pathway, "SURGERY");
    driver.prepareReferral("cvldtbxh", pathway, 9_000_000, true);
    long caseId = caseFiles.getByProcessInstance(pathway.getId()).id();
    // as if saved before the check existed: straight into the step records
    records.append(caseId, ChildPathway.TASK_PREPARE_REFERRAL, null, "cvldtbxh", Instant.now(), Map.of(
        "hospital", MARKUP.get(0), "procedure", MARKUP.get(1), "estimatedCost", 9_000_000,
        "referralNote", "**Gấp** ![ảnh](http://evil/x.png) www.evil.example"));
    Task approval = driver.task(pathway);

    Map<String, Object> variables = http.withBasicAuth("tpldtbxh", "demo123").exchange(
        "/engine-rest/task/" + approval.getId() + "/form-variables", HttpMethod.GET, null, OBJECT).getBody();

    String hospital = value(variables, "case_referral_hospital");
    String procedure = value(variables, "case_referral_procedure");
    assertThat(hospital).isEqualTo("&#60;a href=&#34;http&#58;//evil&#34;&#62;Đăng nhập&#60;/a&#62;");
    assertThat(procedure).isEqualTo("&#91;Đăng nhập&#93;&#40;http&#58;//evil&#41;");
    assertThat(value(variables, "case_referral_referralNote"))
        .isEqualTo("&#42;&#42;Gấp&#42;&#42; &#33;&#91;ảnh&#93;&#40;http&#58;//evil/x.png&#41; www&#46;evil.example");
    assertThat(value(variables, "case_referral_estimatedCost")).isEqualTo("9.000.000 đồng");
  }

  private static String value(Map<String, Object> variables, String name) {
    return (String) ((Map<?, ?>) variables.get(name)).get("value");
  }

  private static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value)));
    return typed;
  }
}
