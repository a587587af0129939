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
  private final Consolidation consolidation;
  private final ConsolidationViews consolidations;

  UnitReportForms(UnitReportRecords records, UnitIndicators indicators, OrganisationDirectory organisation,
      PersonNames names, Consolidation consolidation, ConsolidationViews consolidations) {
    this.records = records;
    this.indicators = indicators;
    this.organisation = organisation;
    this.names = names;
    this.consolidation = consolidation;
    this.consolidations = consolidations;
  }

  Map<String, String> values(UnitReportRow report, String taskKey) {
    ReportPeriod period = records.period(report.periodCode()).orElseThrow();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("case_header", FormText.escape("Báo cáo " + period.name() + " – " + unitName(report.unitCode())));
    values.put("case_deadline", FormText.escape("Kỳ báo cáo từ " + VietnameseFormat.date(period.from()) + " đến "
        + VietnameseFormat.date(period.to()) + ". Hạn gửi " + (report.receivingUnitCode() == null
        ? "(đơn vị cao nhất của kỳ báo cáo, không gửi cấp trên)" : unitName(report.receivingUnitCode())) + ": "
        + VietnameseFormat.date(report.deadline()) + "."));
    Optional<ReportVersion> latest = records.latestVersion(report.id());
    if (UnitReport.TASK_PREPARE.equals(taskKey)) {
      values.put("case_returned", latest.filter(v -> v.returnReason() != null)
          .map(v -> FormText.escape(v.status().label() + " (" + names.of(returner(v)) + "): " + v.returnReason()))
          .orElse(""));
      if (consolidation.consolidates(report)) {
        Consolidation.Consolidated now = consolidation.compute(report, period);
        values.put("case_figures", figures(now.figures().figures()) + "\n\n"
            + consolidated(consolidations.current(report, now)));
      } else {
        values.put("case_figures", figures(indicators.of(report.unitCode(), period.countedPlanYear(),
            period.from(), period.to(), period.indicators()).figures()));
      }
      return values;
    }
    ReportVersion sent = latest.orElseThrow();
    values.put("case_figures", figures(sent.figures()) + consolidations.of(report, sent, true)
        .map(view -> "\n\n" + consolidated(view)).orElse(""));
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

  /** Which units a consolidated report counts, which are missing, and whether it is older than what is accepted. */
  static String consolidated(ConsolidationViews.View view) {
    StringBuilder text = new StringBuilder("**Tổng hợp từ báo cáo đã được chấp nhận của:** ").append(view.included()
        .isEmpty() ? "chưa có đơn vị nào" : FormText.escape(view.included().stream()
        .map(p -> p.unitName() + " (phiên bản " + p.version() + ")").collect(Collectors.joining(", "))));
    if (!view.own().isEmpty()) {
      text.append("\n\n**Cộng số liệu của đơn vị (xã/phường không có báo cáo riêng trong kỳ):** ")
          .append(FormText.escape(String.join(", ", view.own())));
    }
    if (!view.missing().isEmpty()) {
      text.append("\n\n**Chưa có báo cáo được chấp nhận, không tính vào số liệu:** ").append(FormText.escape(
          view.missing().stream().map(p -> p.unitName() + " (" + p.state() + ")").collect(Collectors.joining(", "))));
    }
    ReportVersion.Activities a = view.below();
    text.append("\n\n").append(FormText.escape("Hoạt động của các đơn vị cấp dưới (cộng với hoạt động của đơn vị):"
        + " " + a.communicationSessions() + " buổi truyền thông, " + a.trainings() + " lớp tập huấn, "
        + a.staffTrained() + " lượt cán bộ, " + a.caregiversTakingPart() + " lượt cha mẹ, người chăm sóc, "
        + a.childrenTakingPart() + " lượt trẻ em."));
    if (view.isOlder()) {
      text.append("\n\n**Lưu ý:** ").append(FormText.escape("số liệu tổng hợp đã chốt cũ hơn: báo cáo của "
          + String.join(", ", view.newer()) + " được chấp nhận sau khi chốt. Trả lại để cán bộ lập lại, số liệu"
          + " sẽ được cập nhật."));
    }
    return text.toString();
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
