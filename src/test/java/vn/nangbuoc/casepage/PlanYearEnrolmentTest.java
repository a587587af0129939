package vn.nangbuoc.casepage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * A child enrolled again in a later year's plan after the first case closed, through the listing API, and the
 * case page that shows every enrolment of the child its reader may see.
 */
@NangBuocSpringTest
class PlanYearEnrolmentTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  CaseFileService caseFiles;

  @Test
  void shouldEnrolAChildAgainInALaterPlanYearOnceHerCaseClosedAndShowBothEnrolments() throws Exception {
    // given: a child listed for the 2026 plan whose family withdrew, which closes the case
    String personalId = PathwayDriver.randomPersonalId();
    JsonNode first = created(send("cbmaipha", HttpMethod.POST, "/api/cases", child(personalId, 2026)));
    assertThat(send("cbmaipha", HttpMethod.POST, "/api/cases/" + first.get("id") + "/withdrawal",
        Map.of("reason", "Gia đình chuyển đi làm ăn xa")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(read("cbmaipha", first).get("status").asText()).isEqualTo("CLOSED");

    // when: listed again for the same year, then for 2027
    ResponseEntity<String> sameYear = send("cbmaipha", HttpMethod.POST, "/api/cases", child(personalId, 2026));
    JsonNode second = created(send("cbmaipha", HttpMethod.POST, "/api/cases", child(personalId, 2027)));

    // then: the same year is refused, naming the closed case; 2027 is a new open case with its own pathway
    assertThat(message(sameYear)).isEqualTo("Trẻ đã tham gia kế hoạch năm 2026 (hồ sơ "
        + first.get("caseNumber").asText() + ", đã đóng): chỉ lập danh sách lại được cho kế hoạch của năm sau 2026.");
    assertThat(second.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(second.get("planYear").asInt()).isEqualTo(2027);
    assertThat(first.get("planYear").asInt()).isEqualTo(2026);
    assertThat(second.get("openTasks")).isNotEmpty();
    assertThat(second.get("caseNumber").asText()).isNotEqualTo(first.get("caseNumber").asText());

    // and: the case page of the new case lists both enrolments, the earlier one as a link
    PageBrowser pages = new PageBrowser(http);
    String session = pages.login("cbmaipha");
    String page = pages.get(session, "/ho-so/" + second.get("id")).getBody();
    assertThat(page).contains("Các lần tham gia", "kế hoạch năm 2027", second.get("caseNumber").asText()
        + " (hồ sơ này)", "href=\"/ho-so/" + first.get("id") + "\">" + first.get("caseNumber").asText() + "</a>",
        "<td>2026</td>", "<td>2027</td>", "<td>Đã đóng</td>", "<td>Đang hỗ trợ</td>",
        "Đề án hỗ trợ trẻ em khuyết tật tiếp cận các dịch vụ bảo vệ, chăm sóc, giáo dục tại cộng đồng");
    // and: two enrolments of one personal ID are one child, not a likely duplicate to merge
    assertThat(pages.get(session, "/ho-so/trung-lap").getBody()).doesNotContain(second.get("caseNumber").asText());
  }

  @Test
  void shouldRefuseASecondOpenCaseNamingTheOpenOneAndAYearWithoutAPlan() throws Exception {
    String personalId = PathwayDriver.randomPersonalId();
    JsonNode open = created(send("cbmaipha", HttpMethod.POST, "/api/cases", child(personalId, 2026)));
    String other = PathwayDriver.randomPersonalId();

    ResponseEntity<String> again = send("cbmaipha", HttpMethod.POST, "/api/cases", child(personalId, 2027));
    ResponseEntity<String> noPlan = send("cbmaipha", HttpMethod.POST, "/api/cases", child(other, 2031));

    assertThat(message(again)).isEqualTo("Số định danh cá nhân này đã có trong hồ sơ "
        + open.get("caseNumber").asText() + " đang mở: trẻ đã được lập danh sách, không tạo hồ sơ thứ hai.");
    assertThat(message(noPlan)).startsWith("Chương trình chưa có kế hoạch năm 2031: chọn một trong các năm")
        .contains("2027");
    assertThat(casesOf(personalId)).isEqualTo(1);
    assertThat(casesOf(other)).isZero();
  }

  @Test
  void shouldShowOnlyTheEnrolmentsInTheReadersArea() throws Exception {
    // given: a child's closed 2026 case in Mai Pha, and her 2027 case that moved to Hoàng Đồng
    String personalId = PathwayDriver.randomPersonalId();
    JsonNode first = created(send("cbmaipha", HttpMethod.POST, "/api/cases", child(personalId, 2026)));
    send("cbmaipha", HttpMethod.POST, "/api/cases/" + first.get("id") + "/withdrawal", Map.of("reason", "Rút"));
    JsonNode second = created(send("cbmaipha", HttpMethod.POST, "/api/cases", child(personalId, 2027)));
    assertThat(send("cbmaipha", HttpMethod.POST, "/api/cases/" + second.get("id") + "/move",
        Map.of("communeCode", "HOANGDONG")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    // when: Hoàng Đồng's caseworker and the city's labour office read the 2027 case
    PageBrowser pages = new PageBrowser(http);
    String commune = pages.get(pages.login("cbhoangdong"), "/ho-so/" + second.get("id")).getBody();
    String city = pages.get(pages.login("cvldtbxh"), "/ho-so/" + second.get("id")).getBody();

    // then: the commune sees its own enrolment only, the city both
    assertThat(commune).contains("Các lần tham gia", second.get("caseNumber").asText())
        .doesNotContain(first.get("caseNumber").asText());
    assertThat(city).contains(second.get("caseNumber").asText(), first.get("caseNumber").asText());
  }

  @Test
  void shouldTakeThePlanYearFromTheStartForm() {
    // given: the start form as Tasklist submits it, the plan year typed as text
    String personalId = PathwayDriver.randomPersonalId();
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ChildPathway.PROCESS_KEY).latestVersion().singleResult();
    Map<String, Object> form = PathwayDriver.vars("record_fullName", "Hoàng Thị Mai", "record_dateOfBirth",
        "12/03/2019", "record_sex", "FEMALE", "record_personalId", personalId, "record_address", "Khối 3",
        "record_conditionGroup", "MOTOR", "record_caregiverName", "Hoàng Văn Tài", "record_caregiverRelation",
        "FATHER", "record_planYear", "2027");

    // when
    ProcessInstance pathway = driver.as("cbmaipha",
        () -> engine.getFormService().submitStartForm(definition.getId(), form));

    // then
    CaseFile file = caseFiles.getByProcessInstance(pathway.getId());
    assertThat(file.planYear()).isEqualTo(2027);
    assertThat(file.programmeCode()).isEqualTo("TEKT-CONGDONG");
    assertThatThrownBy(() -> driver.as("cbmaipha",
        () -> engine.getFormService().submitStartForm(definition.getId(), form)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(file.caseNumber() + " đang mở");
  }

  private long casesOf(String personalId) {
    return jdbc.sql("select count(*) from case_file where personal_id = ?").param(personalId).query(Long.class)
        .single();
  }

  private JsonNode read(String user, JsonNode summary) throws Exception {
    return JSON.readTree(send(user, HttpMethod.GET, "/api/cases/" + summary.get("id"), null).getBody());
  }

  private static JsonNode created(ResponseEntity<String> answer) throws Exception {
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
    return JSON.readTree(answer.getBody());
  }

  private static String message(ResponseEntity<String> answer) throws Exception {
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    return JSON.readTree(answer.getBody()).get("message").asText();
  }

  private ResponseEntity<String> send(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo123").exchange(path, method, new HttpEntity<>(body, headers),
        String.class);
  }

  private static Map<String, Object> child(String personalId, int planYear) {
    Map<String, Object> child = new LinkedHashMap<>();
    child.put("communeCode", "MAIPHA");
    child.put("fullName", "Hoàng Thị Mai");
    child.put("dateOfBirth", "12/03/2019");
    child.put("sex", "FEMALE");
    child.put("personalId", personalId);
    child.put("address", "Thôn Khòn Khuyến");
    child.put("conditionGroup", "MOTOR");
    child.put("caregiverName", "Hoàng Văn Tài");
    child.put("caregiverRelation", "FATHER");
    child.put("planYear", planYear);
    return child;
  }
}
