package vn.nangbuoc.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.duplicates.CaseMerge;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * Issue 20, item 6: a listing by hand (Tasklist's start form, the API) warns of a child listed before under
 * the same name without diacritics, birth date and commune, before any case file exists; confirmed as a
 * different child it is listed with the confirmation recorded. A listing from Tasklist answers with its case
 * number, which Tasklist's page shows with a link to the case.
 */
@NangBuocSpringTest
class ListingDuplicatesTest {

  private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  private static final LocalDate BORN = LocalDate.of(2019, 9, 2);

  @Autowired
  TestRestTemplate http;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  CaseMerge merges;
  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldWarnAtTheStartFormOfAChildListedWithoutDiacriticsAndListOnlyWhenConfirmed() {
    String given = unique();
    CaseFile existing = listByHand("Nong Van Binh " + given);
    long cases = count("case_file");
    long pathways = engine.getRuntimeService().createProcessInstanceQuery().count();

    ResponseEntity<Map<String, Object>> warned = startForm("Nông Văn Bình " + given, false);

    assertThat(warned.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) warned.getBody().get("message")).contains("Có thể trẻ đã có hồ sơ " + existing.caseNumber(),
        "Chưa lập hồ sơ nào", "Vẫn lập hồ sơ mới");
    assertThat(count("case_file")).as("nothing is half-written").isEqualTo(cases);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(pathways);

    ResponseEntity<Map<String, Object>> listed = startForm("Nông Văn Bình " + given, true);

    assertThat(listed.getStatusCode()).as(String.valueOf(listed.getBody())).isEqualTo(HttpStatus.OK);
    CaseFile created = caseFiles.getByProcessInstance((String) listed.getBody().get("id"));
    assertThat(created.fullName()).isEqualTo("Nông Văn Bình " + given);
    assertThat(jdbc.sql("select new_value from case_change where case_id = ? and changed_by = 'cbmaipha'"
        + " and field = 'Xác nhận là trẻ khác khi lập danh sách'").param(created.id()).query(String.class).list())
        .containsExactly(existing.caseNumber());
    assertThat(jdbc.sql("select count(*) from case_kept_apart where case_a = ? and case_b = ? and decided_by = ?")
        .params(existing.id(), created.id(), "cbmaipha").query(Long.class).single()).isOne();
    assertThat(engine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(created.processInstanceId()).variableName("record_newChildConfirmed").count())
        .as("the confirmation leaves the engine with the child's fields").isZero();
  }

  @Test
  void shouldAnswerTheApiWithTheLikelyCaseAndListWhenConfirmed() {
    String given = unique();
    CaseFile existing = listByHand("Hoàng Thị Mai " + given);
    long cases = count("case_file");

    ResponseEntity<Map<String, Object>> warned = api("HOANG THI MAI " + given.toUpperCase(), null);

    assertThat(warned.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(warned.getBody()).containsEntry("status", "LIKELY_DUPLICATE");
    assertThat((List<?>) warned.getBody().get("cases")).singleElement()
        .isEqualTo(Map.of("id", (int) existing.id(), "caseNumber", existing.caseNumber()));
    assertThat(count("case_file")).isEqualTo(cases);

    ResponseEntity<Map<String, Object>> listed = api("HOANG THI MAI " + given.toUpperCase(), true);

    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(count("case_file")).isEqualTo(cases + 1);
  }

  @Test
  void shouldAnswerATasklistListingWithItsCaseNumberAndLinkTheNumberToTheCase() {
    String name = "Triệu Văn " + unique();

    ResponseEntity<Map<String, Object>> listed = startForm(name, false);

    assertThat(listed.getStatusCode()).as(String.valueOf(listed.getBody())).isEqualTo(HttpStatus.OK);
    CaseFile created = caseFiles.getByProcessInstance((String) listed.getBody().get("id"));
    assertThat(created.fullName()).isEqualTo(name);
    assertThat(listed.getBody()).as("the answer Tasklist's page reads").containsEntry("businessKey",
        created.caseNumber());
    PageBrowser pages = new PageBrowser(http);
    String caseworker = pages.login("cbmaipha");
    ResponseEntity<String> link = pages.get(caseworker, "/ho-so/so/" + created.caseNumber());
    assertThat(link.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(link.getHeaders().getLocation().getPath()).isEqualTo("/ho-so/" + created.id());
    assertThat(pages.get(pages.login("cbhoangdong"), "/ho-so/so/" + created.caseNumber()).getStatusCode())
        .as("outside the area the number is as unknown as any").isEqualTo(HttpStatus.NOT_FOUND);

    // Tasklist loads the script that shows "Đã lập hồ sơ <số>" from that answer, linked to the case
    // (the webapps' files are behind the one login, as Tasklist itself)
    assertThat(pages.get(caseworker, "/camunda/app/tasklist/scripts/config.js").getBody())
        .contains("'scripts/nangbuoc/listing-notice'");
    String script = pages.get(caseworker, "/camunda/app/tasklist/scripts/nangbuoc/listing-notice.js").getBody();
    assertThat(script).contains("'Đã lập hồ sơ '", "body.businessKey", "'/ho-so/so/'", "child-pathway");
    assertThat(created.caseNumber()).matches("[A-Z0-9]+-\\d{4}-\\d{5}");
  }

  private ResponseEntity<Map<String, Object>> startForm(String fullName, boolean newChildConfirmed) {
    Map<String, Object> variables = new LinkedHashMap<>();
    fields(fullName).forEach((name, value) -> variables.put("record_" + name, Map.of("value", value)));
    if (newChildConfirmed) {
      variables.put("record_newChildConfirmed", Map.of("value", true, "type", "Boolean"));
    }
    return http.withBasicAuth("cbmaipha", "demo123").exchange(
        "/engine-rest/process-definition/key/child-pathway/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables)), OBJECT);
  }

  private ResponseEntity<Map<String, Object>> api(String fullName, Boolean newChildConfirmed) {
    Map<String, Object> body = new LinkedHashMap<>(fields(fullName));
    if (newChildConfirmed != null) {
      body.put("newChildConfirmed", newChildConfirmed);
    }
    return http.withBasicAuth("cbmaipha", "demo123").exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body),
        OBJECT);
  }

  private static Map<String, Object> fields(String fullName) {
    return Map.of("fullName", fullName, "dateOfBirth", "02/09/2019", "sex", "MALE", "address", "Thôn Khòn Khuyến",
        "communeCode", "MAIPHA", "conditionGroup", "MOTOR", "caregiverName", "Nông Thị Hằng",
        "caregiverRelation", "MOTHER");
  }

  private CaseFile listByHand(String name) {
    ChildListing child = new ChildListing(name, BORN, Sex.MALE, "Tày", null, "Thôn Pò Mỏ", "MAIPHA",
        ConditionGroup.MOTOR, "Nông Thị Hằng", CaregiverRelation.MOTHER, null);
    return new PathwayDriver(engine, listing).as("cbmaipha", () -> listing.list(child, "cbmaipha"));
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private static String unique() {
    StringBuilder word = new StringBuilder("Đức");
    for (int i = 0; i < 7; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }
}
