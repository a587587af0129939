package vn.nangbuoc.unitreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.system.EngineTime;

/**
 * The mail before a report's deadline, through the outbox: to the officer preparing a report not yet sent (and,
 * before preparation opens, to the unit's reporting staff), never for a report already sent, once per reminder
 * day however often the job runs. The outbox is shared: only this period's mails are counted.
 */
@NangBuocSpringTest
class UnitReportRemindersTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  ReportPeriods periods;
  @Autowired
  UnitReportReminders reminders;
  @Autowired
  JdbcClient jdbc;

  @Test
  void shouldRemindAReportInPreparationOnceAndNeverASentOne() {
    UnitReportDriver driver = new UnitReportDriver(engine, periods);
    String head = driver.headOf("HOANGDONG", "ubndHoangDongHead");
    LocalDate today = EngineTime.today();
    LocalDate deadline = today.plusDays(3);
    String period = driver.openPeriod(deadline, today.minusDays(1));
    ProcessInstance preparing = driver.startPreparing(period, "TAMTHANH");
    ProcessInstance sent = driver.startPreparing(period, "HOANGDONG");
    driver.prepare("cbhoangdong", sent, 2, null);
    driver.signOff(head, sent, "APPROVE", null);

    reminders.remind();

    List<Map<String, Object>> mails = mailsOf(period);
    String key = "report-deadline:BC-" + period + "-TAMTHANH:3:cbtamthanh";
    assertThat(mails).extracting(m -> m.get("DEDUP_KEY")).contains(key)
        .noneMatch(k -> k.toString().contains("-HOANGDONG:"));
    Map<String, Object> mail = mails.stream().filter(m -> key.equals(m.get("DEDUP_KEY"))).findFirst().orElseThrow();
    String name = jdbc.sql("select name from report_period where code = ?").param(period).query(String.class)
        .single();
    assertThat(mail.get("SUBJECT").toString()).contains("Sắp đến hạn gửi báo cáo", name,
        VietnameseFormat.date(deadline));
    assertThat(mail.get("BODY_TEXT").toString()).contains("Phường Tam Thanh", "Hạn gửi: "
        + VietnameseFormat.date(deadline) + " (còn 3 ngày)", "Đang chuẩn bị", "/trang/viec/");
    assertThat(mail.get("RECIPIENT_USER")).isEqualTo("cbtamthanh");
    // preparation not open in Mai Pha yet: its reporting staff hear of the deadline, with the report's page
    assertThat(mails).filteredOn(m -> m.get("DEDUP_KEY").toString().contains("-MAIPHA:3:cbmaipha"))
        .singleElement().satisfies(m -> assertThat(m.get("BODY_TEXT").toString())
            .contains("Chưa bắt đầu", "/bao-cao-dinh-ky/bao-cao/BC-" + period + "-MAIPHA"));

    reminders.remind();
    assertThat(mailsOf(period)).hasSameSizeAs(mails);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(preparing.getId()).count()).isOne();
  }

  @Test
  void shouldRemindOnTheNextDayARunMissedOnTheSeventhSayingTheDaysLeft() {
    UnitReportDriver driver = new UnitReportDriver(engine, periods);
    LocalDate today = EngineTime.today();
    String period = driver.openPeriod(today.plusDays(6), today.minusDays(1));
    driver.startPreparing(period, "VINHTRAI");

    reminders.remind();

    assertThat(mailsOf(period)).filteredOn(m -> m.get("DEDUP_KEY").toString().contains("-VINHTRAI:"))
        .singleElement().satisfies(m -> {
          assertThat(m.get("DEDUP_KEY")).isEqualTo("report-deadline:BC-" + period + "-VINHTRAI:7:cbvinhtrai");
          assertThat(m.get("BODY_TEXT").toString()).contains("(còn 6 ngày)");
        });
    String far = driver.openPeriod(today.plusDays(8), today.minusDays(1));
    reminders.remind();
    assertThat(mailsOf(far)).as("eight days before: no reminder day has come").isEmpty();
  }

  private List<Map<String, Object>> mailsOf(String period) {
    return jdbc.sql("select dedup_key, recipient_user, subject, body_text from mail_outbox where dedup_key like ?")
        .param("report-deadline:BC-" + period + "-%").query().listOfRows().stream()
        .map(row -> {
          Map<String, Object> upper = new java.util.HashMap<>();
          row.forEach((column, value) -> upper.put(column.toUpperCase(), value));
          return upper;
        }).toList();
  }
}
