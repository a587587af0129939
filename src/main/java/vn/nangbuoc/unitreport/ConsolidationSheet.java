package vn.nangbuoc.unitreport;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import vn.nangbuoc.indicators.UnitIndicators;

/**
 * The sheet of a consolidated report's units: a row per unit whose accepted report it counts and one for the unit's
 * own communes, a column per indicator's numerator (and denominator), then the total, which is the report's figure;
 * under it the units missing, with the state their report was in when the figures were frozen.
 */
final class ConsolidationSheet {

  private ConsolidationSheet() {
  }

  static void write(Sheet sheet, CellStyle bold, ReportVersion version, ConsolidationViews.View view) {
    int row = 0;
    UnitReportWorkbook.text(sheet.createRow(row++), bold, "Đơn vị được tổng hợp (báo cáo đã được chấp nhận)");
    Row header = sheet.createRow(row++);
    UnitReportWorkbook.text(header, bold, "Đơn vị", "Phiên bản được tính", "Chấp nhận lúc");
    int column = 3;
    for (UnitIndicators.Figure f : version.figures()) {
      header.createCell(column++).setCellValue(f.name() + " – tử số");
      header.createCell(column++).setCellValue(f.name() + " – mẫu số");
    }
    for (ConsolidationViews.PartView part : view.included()) {
      Row line = sheet.createRow(row++);
      UnitReportWorkbook.text(line, null, part.unitName(), String.valueOf(part.version()), part.acceptedAt());
      numbers(line, version, part.figures());
    }
    if (!view.own().isEmpty()) {
      Row line = sheet.createRow(row++);
      UnitReportWorkbook.text(line, null, "Số liệu của đơn vị: " + String.join(", ", view.own()), "", "");
      numbers(line, version, view.ownFigures());
    }
    Row total = sheet.createRow(row++);
    UnitReportWorkbook.text(total, bold, "Tổng cộng (số liệu của báo cáo)", "", "");
    int at = 3;
    for (UnitIndicators.Figure f : version.figures()) {
      UnitReportWorkbook.number(total, at++, f.numerator());
      UnitReportWorkbook.number(total, at++, f.denominator());
    }
    row++;
    UnitReportWorkbook.text(sheet.createRow(row++), bold, "Đơn vị chưa có báo cáo được chấp nhận (không tính vào"
        + " số liệu)", "Tình trạng khi chốt số liệu");
    if (view.missing().isEmpty()) {
      UnitReportWorkbook.text(sheet.createRow(row), null, "Không có: mọi đơn vị cấp dưới đã được tổng hợp.");
    }
    for (ConsolidationViews.PartView part : view.missing()) {
      UnitReportWorkbook.text(sheet.createRow(row++), null, part.unitName(), part.state());
    }
    sheet.setColumnWidth(0, 45 * 256);
  }

  private static void numbers(Row line, ReportVersion version, java.util.Map<String, UnitIndicators.Figure> figures) {
    int column = 3;
    for (UnitIndicators.Figure f : version.figures()) {
      UnitIndicators.Figure part = figures.get(f.indicatorId());
      UnitReportWorkbook.number(line, column++, part == null ? null : part.numerator());
      UnitReportWorkbook.number(line, column++, part == null ? null : part.denominator());
    }
  }
}
