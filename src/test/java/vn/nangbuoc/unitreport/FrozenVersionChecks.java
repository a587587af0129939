package vn.nangbuoc.unitreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.system.EngineTime;

/**
 * The database's own guard on sent reports (db/vendor/h2/V73 with {@link FrozenVersionTrigger}, and
 * db/vendor/postgresql/V73): whatever SQL reaches the tables, a version's content and figures never change and
 * nothing of it is deleted; the decisions the product records (signed, then accepted or returned) still go
 * through, each once.
 */
abstract class FrozenVersionChecks {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ReportPeriods periods;
  @Autowired
  UnitReportRecords records;
  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldRefuseEveryDirectChangeOfASubmittedVersionAndStillTakeTheReceiversDecision() {
    UnitReportDriver driver = new UnitReportDriver(engine, periods);
    String head = driver.headOf("DONGKINH", "ubndDongKinhHead");
    LocalDate today = EngineTime.today();
    ProcessInstance report = driver.startPreparing(driver.openPeriod(today.plusMonths(1), today.minusDays(1)),
        "DONGKINH");
    driver.prepare("cbdongkinh", report, 4, null);
    long id = latest(report).id();

    // a prepared version's content is frozen too: the officer sent it, the head signs what was sent
    refused("update unit_report_version set difficulties = 'sửa sau khi gửi' where id = ?", id);
    driver.signOff(head, report, "APPROVE", null);
    assertThat(latest(report).status()).isEqualTo(VersionStatus.SUBMITTED);

    refused("update unit_report_version set communication_sessions = 40 where id = ?", id);
    refused("update unit_report_version set status = 'PREPARED', signed_by = null, signed_at = null where id = ?",
        id);
    refused("update unit_report_version set signed_by = 'cbdongkinh' where id = ?", id);
    refused("update unit_report_version set status = 'ACCEPTED' where id = ?", id);
    refused("delete from unit_report_version where id = ?", id);
    refused("update unit_report_figure set numerator = 999 where version_id = ?", id);
    refused("delete from unit_report_figure where version_id = ?", id);
    refused("insert into unit_report_figure (version_id, position, indicator_id, name, value_unit)"
        + " values (?, 99, 'them-sau', 'Thêm sau khi gửi', 'COUNT')", id);

    ReportVersion untouched = latest(report);
    assertThat(untouched.activities().communicationSessions()).isEqualTo(4);
    assertThat(untouched.signedBy()).isEqualTo(head);
    driver.review("cvldtbxh", report, "RETURN", "Thiếu số lượt trẻ em tham gia.");
    ReportVersion returned = records.versions(untouched.reportId()).get(0);
    assertThat(returned.status()).isEqualTo(VersionStatus.RETURNED_BY_RECEIVER);
    assertThat(returned.returnReason()).isEqualTo("Thiếu số lượt trẻ em tham gia.");
    assertThat(returned.figures()).isEqualTo(untouched.figures());
    // decided once: a second decision, even the same one, is refused by the database as by the product
    refused("update unit_report_version set status = 'ACCEPTED', reviewed_by = 'cvldtbxh' where id = ?", id);
    refused("update unit_report_version set return_reason = 'lý do khác' where id = ?", id);

    // the correction is a new version, prepared and signed through the same guard
    driver.prepare("cbdongkinh", report, 5, "Bổ sung số lượt trẻ em.");
    driver.signOff(head, report, "APPROVE", null);
    driver.review("cvldtbxh", report, "ACCEPT", null);
    assertThat(records.versions(untouched.reportId())).extracting(ReportVersion::status)
        .containsExactly(VersionStatus.RETURNED_BY_RECEIVER, VersionStatus.ACCEPTED);
  }

  private ReportVersion latest(ProcessInstance report) {
    return records.latestVersion(records.byProcessInstance(report.getId()).orElseThrow().id()).orElseThrow();
  }

  private void refused(String sql, long versionId) {
    assertThatThrownBy(() -> jdbc.sql(sql).param(versionId).update()).as(sql)
        .isInstanceOf(DataAccessException.class).hasMessageContaining("A sent unit report never changes");
  }
}
