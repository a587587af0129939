package vn.nangbuoc.unitreport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.nangbuoc.indicators.UnitIndicators;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.security.PersonNames;

/**
 * One version of a report as the workbook an office sends up: unit, period, the figures against their targets,
 * the activities, the narrative, who prepared and signed it and when.
 */
@Component
class UnitReportWorkbook {

  private final PersonNames names;

  UnitReportWorkbook(PersonNames names) {
    this.names = names;
  }

  /** The workbook of a version; a consolidated one (consolidation not null) with its sheet of units. */
  byte[] xlsx(UnitReportPages.ReportView report, ReportVersion version, ConsolidationViews.View consolidation) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      Sheet sheet = book.createSheet("Báo cáo");
      int row = 0;
      text(sheet.createRow(row++), bold, "Báo cáo " + report.periodName());
      text(sheet.createRow(row++), null, "Đơn vị báo cáo", report.unitName());
      text(sheet.createRow(row++), null, "Gửi", report.receivingUnitName());
      text(sheet.createRow(row++), null, "Kỳ báo cáo", VietnameseFormat.date(report.from()) + " – "
          + VietnameseFormat.date(report.to()));
      text(sheet.createRow(row++), null, "Hạn gửi", VietnameseFormat.date(report.deadline()));
      text(sheet.createRow(row++), null, "Phiên bản", version.version() + " (" + version.status().label() + ")");
      row++;
      text(sheet.createRow(row++), bold, "Mã chỉ tiêu", "Tên chỉ tiêu", "Tử số", "Mẫu số", "Giá trị", "Chỉ tiêu",
          "Kết quả");
      for (UnitIndicators.Figure f : version.figures()) {
        Row line = sheet.createRow(row++);
        text(line, null, f.indicatorId(), f.name());
        number(line, 2, f.numerator());
        number(line, 3, f.denominator());
        number(line, 4, f.value());
        number(line, 5, f.target());
        line.createCell(6).setCellValue(f.met() == null ? "" : f.met() ? "Đạt" : "Chưa đạt");
      }
      row++;
      ReportVersion.Activities a = version.activities();
      if (consolidation == null) {
        text(sheet.createRow(row++), bold, "Hoạt động đã thực hiện", "Số lượng");
        row = activities(sheet, row, a);
      } else {
        text(sheet.createRow(row++), bold, "Hoạt động đã thực hiện (tổng hợp)", "Tổng cộng", "Của đơn vị",
            "Các đơn vị cấp dưới");
        row = activities(sheet, row, consolidation.total(), a, consolidation.below());
      }
      row++;
      text(sheet.createRow(row++), bold, "Khó khăn, vướng mắc, đề xuất");
      text(sheet.createRow(row++), null, version.difficulties());
      if (version.correctionReason() != null) {
        text(sheet.createRow(row++), null, "Lý do điều chỉnh", version.correctionReason());
      }
      row++;
      text(sheet.createRow(row++), null, "Người lập", names.of(version.preparedBy()),
          UnitReportForms.when(version.preparedAt()));
      if (version.signedAt() != null) {
        text(sheet.createRow(row++), null, "Người ký duyệt", names.of(version.signedBy()),
            UnitReportForms.when(version.signedAt()));
      }
      if (version.reviewedAt() != null) {
        text(sheet.createRow(row), null, "Cơ quan tiếp nhận", names.of(version.reviewedBy()),
            UnitReportForms.when(version.reviewedAt()));
      }
      sheet.setColumnWidth(0, 40 * 256);
      sheet.setColumnWidth(1, 60 * 256);
      if (consolidation != null) {
        ConsolidationSheet.write(book.createSheet("Đơn vị tổng hợp"), bold, version, consolidation);
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The five activities, one row each, a column per source of them. */
  private static int activities(Sheet sheet, int row, ReportVersion.Activities... columns) {
    String[] labels = {"Số buổi truyền thông", "Số lớp tập huấn", "Số lượt cán bộ được tập huấn",
        "Số lượt cha mẹ, người chăm sóc trẻ tham gia", "Số lượt trẻ em tham gia"};
    for (int i = 0; i < labels.length; i++) {
      Row line = sheet.createRow(row++);
      line.createCell(0).setCellValue(labels[i]);
      for (int c = 0; c < columns.length; c++) {
        ReportVersion.Activities a = columns[c];
        int[] counts = {a.communicationSessions(), a.trainings(), a.staffTrained(), a.caregiversTakingPart(),
            a.childrenTakingPart()};
        line.createCell(1 + c).setCellValue(counts[i]);
      }
    }
    return row;
  }

  static void text(Row row, CellStyle style, String... values) {
    for (int i = 0; i < values.length; i++) {
      row.createCell(i).setCellValue(values[i]);
      if (style != null) {
        row.getCell(i).setCellStyle(style);
      }
    }
  }

  static void number(Row row, int column, Number value) {
    if (value != null) {
      row.createCell(column).setCellValue(value instanceof BigDecimal decimal ? decimal.doubleValue()
          : value.doubleValue());
    }
  }
}
