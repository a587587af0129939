package vn.nangbuoc.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nangbuoc.pathway.PathwayDriver.vars;

import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayDriver;

/**
 * A child listed through Tasklist's start form and screened through a task form: the personal
 * identification number, the caregiver's phone and the doctor's finding reach the case file, and no
 * table of the engine (runtime, history, byte arrays) holds them, with history on FULL. Runs on H2
 * and on PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class SensitiveDataChecks {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  CaseFileService caseFiles;
  @Autowired
  CaseStepRecords records;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void shouldKeepIdentityNumberPhoneAndFindingOutOfEveryEngineTable(CapturedOutput log) {
    // given
    String personalId = PathwayDriver.randomPersonalId();
    String phone = "09" + personalId.substring(4);
    String finding = "Khe hở vòm miệng độ II " + UUID.randomUUID();
    PathwayDriver driver = new PathwayDriver(engine, listing);
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ChildPathway.PROCESS_KEY).latestVersion().singleResult();

    // when: the caseworker submits the start form, the health centre the screening form
    ProcessInstance pathway = driver.as("cbmaipha", () -> engine.getFormService().submitStartForm(definition.getId(),
        vars("record_fullName", "Hoàng Thị Mai", "record_dateOfBirth", LocalDate.now().minusYears(4).toString(),
            "record_sex", "FEMALE", "record_ethnicity", "Nùng", "record_personalId", personalId,
            "record_address", "Khối 3", "record_communeCode", "", "record_conditionGroup", "CLEFT_LIP_PALATE",
            "record_caregiverName", "Hoàng Văn Bình", "record_caregiverRelation", "FATHER",
            "record_caregiverPhone", phone)));
    driver.review(pathway, "ACCEPT");
    driver.complete("bsttyt", pathway, ChildPathway.TASK_RECORD_SCREENING, vars(
        ChildPathway.VAR_INDICATION, "SURGERY", "record_screeningDate", LocalDate.now().toString(),
        "record_conditionGroup", "CLEFT_LIP_PALATE", "record_finding", finding));

    // then: the case file has them
    Number caseId = (Number) engine.getRuntimeService().getVariable(pathway.getId(), ChildPathway.VAR_CASE_ID);
    CaseFile file = caseFiles.get(caseId.longValue());
    assertThat(file.personalId()).isEqualTo(personalId);
    assertThat(file.communeCode()).isEqualTo("MAIPHA");
    assertThat(file.processInstanceId()).isEqualTo(pathway.getId());
    assertThat(caseFiles.caregiver(file.id()).orElseThrow().phone()).isEqualTo(phone);
    assertThat(records.latest(file.id(), ChildPathway.TASK_RECORD_SCREENING).orElseThrow().data())
        .containsEntry("finding", finding);
    assertThat(engine.getRuntimeService().getVariables(pathway.getId()))
        .containsOnlyKeys(ChildPathway.VAR_CASE_ID, ChildPathway.VAR_LISTING_DECISION, ChildPathway.VAR_INDICATION,
            ChildPathway.VAR_ABSENCE_LIMIT_REACHED);

    // and no engine table does
    List<String> leaks = new ArrayList<>();
    for (String table : engineTables()) {
      jdbc.query("select * from " + table, (ResultSet row) -> {
        ResultSetMetaData meta = row.getMetaData();
        for (int column = 1; column <= meta.getColumnCount(); column++) {
          String value = text(row.getObject(column));
          for (String secret : List.of(personalId, phone, finding, "Hoàng Thị Mai")) {
            if (value != null && value.contains(secret)) {
              leaks.add(table + "." + meta.getColumnName(column));
            }
          }
        }
      });
    }
    assertThat(leaks).isEmpty();
    assertThat(log.getAll()).doesNotContain(personalId, phone, finding, "Hoàng Thị Mai");
    assertThat(engineTables()).contains("ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_RU_VARIABLE", "ACT_GE_BYTEARRAY");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pathway.getId())
        .variableName(ChildPathway.VAR_INDICATION).count()).isEqualTo(1);
  }

  private List<String> engineTables() {
    return jdbc.queryForList("select table_name from information_schema.tables"
            + " where upper(table_name) like 'ACT\\_%' and table_schema not in ('information_schema', 'pg_catalog')",
        String.class).stream().map(t -> t.toUpperCase()).toList();
  }

  private static String text(Object value) throws java.sql.SQLException {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (value instanceof Blob blob) {
      return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
    }
    if (value instanceof Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    return value instanceof Map<?, ?> ? value.toString() : String.valueOf(value);
  }
}
