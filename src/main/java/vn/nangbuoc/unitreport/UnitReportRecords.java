package vn.nangbuoc.unitreport;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.nangbuoc.indicators.UnitIndicators;

/**
 * The tables of periods, unit reports and their versions. A version's content is written once, by
 * {@link #insertVersion}; afterwards only what happened to it is filled in, each column once.
 */
@Repository
class UnitReportRecords {

  private static final String PERIOD = "select code, name, kind, plan_year, period_from, period_to, root_unit_code,"
      + " indicators, preparation_opens, commune_deadline, district_deadline, province_deadline, created_by,"
      + " created_at, opened_by, opened_at from report_period";
  private static final String REPORT = "select id, period_code, unit_code, receiving_unit_code, deadline,"
      + " business_key, process_instance_id, state, submitted_at, accepted_at from unit_report";
  private static final String VERSION = "select id, report_id, version, communication_sessions, trainings,"
      + " staff_trained, caregivers_taking_part, children_taking_part, difficulties, correction_reason,"
      + " figures_computed_at, prepared_by, prepared_at, status, signed_by, signed_at, reviewed_by, reviewed_at,"
      + " return_reason from unit_report_version";

  private final JdbcClient jdbc;

  UnitReportRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insertPeriod(ReportPeriod p) {
    jdbc.sql("insert into report_period (code, name, kind, plan_year, period_from, period_to, root_unit_code,"
            + " indicators, preparation_opens, commune_deadline, district_deadline, province_deadline, created_by,"
            + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(p.code(), p.name(), p.kind().name(), p.planYear(), Date.valueOf(p.from()), Date.valueOf(p.to()),
            p.rootUnitCode(), String.join(",", p.indicators()), Date.valueOf(p.preparationOpens()),
            Date.valueOf(p.communeDeadline()), Date.valueOf(p.districtDeadline()), Date.valueOf(p.provinceDeadline()),
            p.createdBy(), Timestamp.from(p.createdAt()))
        .update();
  }

  Optional<ReportPeriod> period(String code) {
    return jdbc.sql(PERIOD + " where code = ?").param(code).query(UnitReportRecords::period).optional();
  }

  /** Every period, the latest plan year first. */
  List<ReportPeriod> periods() {
    return jdbc.sql(PERIOD + " order by plan_year desc, commune_deadline desc, code").query(UnitReportRecords::period)
        .list();
  }

  /** Marks the period opened, once: false when someone opened it already. */
  boolean markOpened(String code, String userId, Instant at) {
    return jdbc.sql("update report_period set opened_by = ?, opened_at = ? where code = ? and opened_at is null")
        .params(userId, Timestamp.from(at), code).update() == 1;
  }

  long insertReport(String periodCode, String unitCode, String receivingUnitCode, LocalDate deadline,
      String businessKey) {
    jdbc.sql("insert into unit_report (period_code, unit_code, receiving_unit_code, deadline, business_key, state)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(periodCode, unitCode, receivingUnitCode, Date.valueOf(deadline), businessKey,
            ReportState.NOT_STARTED.name())
        .update();
    return byKey(businessKey).orElseThrow().id();
  }

  Optional<UnitReportRow> byKey(String businessKey) {
    return jdbc.sql(REPORT + " where business_key = ?").param(businessKey).query(UnitReportRecords::report)
        .optional();
  }

  Optional<UnitReportRow> byProcessInstance(String processInstanceId) {
    return jdbc.sql(REPORT + " where process_instance_id = ?").param(processInstanceId)
        .query(UnitReportRecords::report).optional();
  }

  List<UnitReportRow> ofPeriod(String periodCode) {
    return jdbc.sql(REPORT + " where period_code = ? order by unit_code").param(periodCode)
        .query(UnitReportRecords::report).list();
  }

  void attach(long reportId, String processInstanceId) {
    jdbc.sql("update unit_report set process_instance_id = ? where id = ?").params(processInstanceId, reportId)
        .update();
  }

  void state(long reportId, ReportState state) {
    jdbc.sql("update unit_report set state = ? where id = ?").params(state.name(), reportId).update();
  }

  void submitted(long reportId, Instant at) {
    jdbc.sql("update unit_report set state = ?, submitted_at = ? where id = ?")
        .params(ReportState.SUBMITTED.name(), Timestamp.from(at), reportId).update();
  }

  void accepted(long reportId, Instant at) {
    jdbc.sql("update unit_report set state = ?, accepted_at = ? where id = ?")
        .params(ReportState.ACCEPTED.name(), Timestamp.from(at), reportId).update();
  }

  long insertVersion(long reportId, ReportVersion.Activities activities, String difficulties,
      String correctionReason, UnitIndicators.Figures figures, String preparedBy, Instant preparedAt) {
    int number = jdbc.sql("select coalesce(max(version), 0) + 1 from unit_report_version where report_id = ?")
        .param(reportId).query(Integer.class).single();
    jdbc.sql("insert into unit_report_version (report_id, version, communication_sessions, trainings,"
            + " staff_trained, caregivers_taking_part, children_taking_part, difficulties, correction_reason,"
            + " figures_computed_at, prepared_by, prepared_at, status)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(reportId, number, activities.communicationSessions(), activities.trainings(),
            activities.staffTrained(), activities.caregiversTakingPart(), activities.childrenTakingPart(),
            difficulties, correctionReason, Timestamp.from(figures.computedAt()), preparedBy,
            Timestamp.from(preparedAt), VersionStatus.PREPARED.name())
        .update();
    long versionId = jdbc.sql("select id from unit_report_version where report_id = ? and version = ?")
        .params(reportId, number).query(Long.class).single();
    int position = 0;
    for (UnitIndicators.Figure f : figures.figures()) {
      jdbc.sql("insert into unit_report_figure (version_id, position, indicator_id, name, value_unit, numerator,"
              + " denominator, figure_value, target, met) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(versionId, position++, f.indicatorId(), f.name(), f.valueUnit(), f.numerator(), f.denominator(),
              f.value(), f.target(), f.met())
          .update();
    }
    return versionId;
  }

  /** The head's decision on the version awaiting it, once. */
  void signed(long versionId, String userId, Instant at, boolean approved, String reason) {
    int updated = jdbc.sql("update unit_report_version set status = ?, signed_by = ?, signed_at = ?,"
            + " return_reason = ? where id = ? and status = ?")
        .params((approved ? VersionStatus.SUBMITTED : VersionStatus.RETURNED_AT_SIGN_OFF).name(), userId,
            Timestamp.from(at), reason, versionId, VersionStatus.PREPARED.name())
        .update();
    requireOne(updated, versionId, "signed off");
  }

  /** The receiving office's decision on the version sent to it, once. */
  void reviewed(long versionId, String userId, Instant at, boolean accepted, String reason) {
    int updated = jdbc.sql("update unit_report_version set status = ?, reviewed_by = ?, reviewed_at = ?,"
            + " return_reason = ? where id = ? and status = ?")
        .params((accepted ? VersionStatus.ACCEPTED : VersionStatus.RETURNED_BY_RECEIVER).name(), userId,
            Timestamp.from(at), reason, versionId, VersionStatus.SUBMITTED.name())
        .update();
    requireOne(updated, versionId, "reviewed");
  }

  /** A version decided twice, or not in the state its step expects, stops the step: the record stays true. */
  private static void requireOne(int updated, long versionId, String what) {
    if (updated != 1) {
      throw new IllegalStateException("report version " + versionId + " cannot be " + what + " in its state");
    }
  }

  Optional<ReportVersion> latestVersion(long reportId) {
    // list(), not stream(): an unclosed stream keeps its connection out of the pool when no transaction holds it
    return jdbc.sql(VERSION + " where report_id = ? order by version desc").param(reportId)
        .query(this::version).list().stream().findFirst();
  }

  Optional<ReportVersion> versionById(long versionId) {
    return jdbc.sql(VERSION + " where id = ?").param(versionId).query(this::version).optional();
  }

  List<ReportVersion> versions(long reportId) {
    return jdbc.sql(VERSION + " where report_id = ? order by version").param(reportId).query(this::version).list();
  }

  private ReportVersion version(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    List<UnitIndicators.Figure> figures = jdbc.sql("select indicator_id, name, value_unit, numerator, denominator,"
            + " figure_value, target, met from unit_report_figure where version_id = ? order by position")
        .param(id).query((f, n) -> new UnitIndicators.Figure(f.getString("indicator_id"), f.getString("name"),
            f.getString("value_unit"), null, f.getObject("numerator", Long.class),
            f.getObject("denominator", Long.class), f.getBigDecimal("figure_value"), f.getBigDecimal("target"),
            f.getObject("met", Boolean.class)))
        .list();
    return new ReportVersion(id, rs.getLong("report_id"), rs.getInt("version"),
        new ReportVersion.Activities(rs.getInt("communication_sessions"), rs.getInt("trainings"),
            rs.getInt("staff_trained"), rs.getInt("caregivers_taking_part"), rs.getInt("children_taking_part")),
        rs.getString("difficulties"), rs.getString("correction_reason"), instant(rs, "figures_computed_at"),
        rs.getString("prepared_by"), instant(rs, "prepared_at"), VersionStatus.valueOf(rs.getString("status")),
        rs.getString("signed_by"), instant(rs, "signed_at"), rs.getString("reviewed_by"),
        instant(rs, "reviewed_at"), rs.getString("return_reason"), figures);
  }

  private static ReportPeriod period(ResultSet rs, int row) throws SQLException {
    String indicators = rs.getString("indicators");
    return new ReportPeriod(rs.getString("code"), rs.getString("name"),
        ReportPeriod.Kind.valueOf(rs.getString("kind")), rs.getInt("plan_year"), day(rs, "period_from"),
        day(rs, "period_to"), rs.getString("root_unit_code"),
        indicators.isBlank() ? List.of() : Arrays.asList(indicators.split(",")), day(rs, "preparation_opens"),
        day(rs, "commune_deadline"), day(rs, "district_deadline"), day(rs, "province_deadline"),
        rs.getString("created_by"), instant(rs, "created_at"), rs.getString("opened_by"), instant(rs, "opened_at"));
  }

  private static UnitReportRow report(ResultSet rs, int row) throws SQLException {
    return new UnitReportRow(rs.getLong("id"), rs.getString("period_code"), rs.getString("unit_code"),
        rs.getString("receiving_unit_code"), day(rs, "deadline"), rs.getString("business_key"),
        rs.getString("process_instance_id"), ReportState.valueOf(rs.getString("state")),
        instant(rs, "submitted_at"), instant(rs, "accepted_at"));
  }

  private static LocalDate day(ResultSet rs, String column) throws SQLException {
    Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }
}
