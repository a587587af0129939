package vn.nangbuoc.unitreport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.nangbuoc.indicators.UnitIndicators;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.FormText;
import vn.nangbuoc.security.PersonNames;
import vn.nangbuoc.system.EngineTime;

/**
 * What a report's forms show ({@code case_...} values): the preparer sees the unit's figures as they are now, the
 * head and the receiving office the version that was sent, frozen. Every piece of text is escaped for the forms'
 * Markdown ({@link FormText}).
 */
@Component
class UnitReportForms {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

  private final UnitReportRecords records;
  private final UnitIndicators indicators;
  private final OrganisationDirectory organisation;
  private final PersonNames names;

  UnitReportForms(UnitReportRecords records, UnitIndicators indicators, OrganisationDirectory organisation,
      PersonNames names) {
    this.records = records;
    this.indicators = indicators;
    this.organisation = organisation;
    this.names = names;
  }

  Map<String, String> values(UnitReportRow report, String taskKey) {
    ReportPeriod period = records.period(report.periodCode()).orElseThrow();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("case_header", FormText.escape("Báo cáo " + period.name() + " – " + unitName(report.unitCode())));
    values.put("case_deadline", FormText.escape("Kỳ báo cáo từ " + VietnameseFormat.date(period.from()) + " đến "
        + VietnameseFormat.date(period.to()) + ". Hạn gửi " + unitName(report.receivingUnitCode()) + ": "
        + VietnameseFormat.date(report.deadline()) + "."));
    Optional<ReportVersion> latest = records.latestVersion(report.id());
    if (UnitReport.TASK_PREPARE.equals(taskKey)) {
      values.put("case_returned", latest.filter(v -> v.returnReason() != null)
          .map(v -> FormText.escape(v.status().label() + " (" + names.of(returner(v)) + "): " + v.returnReason()))
          .orElse(""));
      values.put("case_figures", figures(indicators.of(report.unitCode(), period.from(), period.to(),
          period.indicators()).figures()));
      return values;
    }
    ReportVersion sent = latest.orElseThrow();
    values.put("case_figures", figures(sent.figures()));
    ReportVersion.Activities a = sent.activities();
    values.put("case_activities", String.join("\n", List.of(
        "- " + FormText.escape("Số buổi truyền thông: " + a.communicationSessions()),
        "- " + FormText.escape("Số lớp tập huấn: " + a.trainings()),
        "- " + FormText.escape("Số lượt cán bộ được tập huấn: " + a.staffTrained()),
        "- " + FormText.escape("Số lượt cha mẹ, người chăm sóc trẻ tham gia: " + a.caregiversTakingPart()),
        "- " + FormText.escape("Số lượt trẻ em tham gia: " + a.childrenTakingPart()))));
    values.put("case_difficulties", FormText.escape(sent.difficulties()));
    values.put("case_prepared", FormText.escape("Phiên bản " + sent.version() + ", lập bởi "
        + names.of(sent.preparedBy()) + " lúc " + when(sent.preparedAt())
        + (sent.correctionReason() == null ? "" : ". Lý do điều chỉnh: " + sent.correctionReason())));
    values.put("case_signed", sent.signedAt() == null ? ""
        : FormText.escape("Ký duyệt bởi " + names.of(sent.signedBy()) + " lúc " + when(sent.signedAt())));
    return values;
  }

  static String figures(List<UnitIndicators.Figure> figures) {
    return figures.stream().map(f -> "- " + FormText.escape(f.name() + ": " + figure(f)))
        .collect(Collectors.joining("\n"));
  }

  /** "12 trẻ", "45.5 % (chỉ tiêu 80 %, chưa đạt)". */
  static String figure(UnitIndicators.Figure f) {
    String unit = "percent".equals(f.valueUnit()) ? "%" : "amount".equals(f.valueUnit()) ? "đồng"
        : "days".equals(f.valueUnit()) ? "ngày" : "";
    String value = f.value() == null ? "chưa tính được" : plain(f.value()) + (unit.isEmpty() ? "" : " " + unit);
    if (f.target() == null) {
      return value;
    }
    return value + " (chỉ tiêu " + plain(f.target()) + (unit.isEmpty() ? "" : " " + unit)
        + (f.met() == null ? "" : f.met() ? ", đạt" : ", chưa đạt") + ")";
  }

  private static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }

  private static String returner(ReportVersion version) {
    return version.status() == VersionStatus.RETURNED_BY_RECEIVER ? version.reviewedBy() : version.signedBy();
  }

  private String unitName(String unitCode) {
    return organisation.unit(unitCode).map(unit -> unit.displayName()).orElse(unitCode);
  }

  static String when(Instant at) {
    return at == null ? "" : LocalDateTime.ofInstant(at, EngineTime.VIETNAM).format(WHEN);
  }
}
