package vn.nangbuoc.indicators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.nangbuoc.input.VietnameseFormat;

/**
 * The report as a workbook (the indicators on "Chỉ tiêu", then a sheet per breakdown, each with its totals row)
 * and as CSV. For publication a count below 5 is written "&lt;5" everywhere; otherwise the exact figures, as
 * numbers so sums can be checked. The first sheet charts the percentages against their targets.
 */
@Component
class ReportExports {

  static final String FIRST_SHEET = "Chỉ tiêu";
  static final String[] INDICATOR_HEADER = {"Mã chỉ tiêu", "Tên chỉ tiêu", "Kế hoạch", "Mục", "Đơn vị tính",
      "Tử số", "Mẫu số", "Giá trị", "Chỉ tiêu kế hoạch", "Kết quả"};
  static final String TOTAL = "Cộng";
  static final String CHART_TITLE = "Tỷ lệ đạt được so với chỉ tiêu (%)";
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private static final DateTimeFormatter EXPORTED = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

  static boolean forPublication(String parameter) {
    return "1".equals(parameter) || "true".equalsIgnoreCase(parameter);
  }

  byte[] xlsx(IndicatorReport.Report report, boolean publication) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      Sheet first = book.createSheet(FIRST_SHEET);
      int row = heading(first, report, publication, bold);
      header(first, row++, INDICATOR_HEADER, bold);
      for (IndicatorReport.Figure figure : report.indicators()) {
        Row line = first.createRow(row++);
        List<Object> cells = new ArrayList<>(Arrays.asList(figure.id(), figure.name(), figure.plan(), figure.article(),
            figure.unitLabel()));
        cells.add(countCell(figure.numerator(), publication && !amount(figure)));
        cells.add(countCell(figure.denominator(), publication));
        cells.add(valueCell(figure.unit(), figure.value(), figure.numerator(), figure.denominator(), publication));
        cells.add(figure.target());
        cells.add(ReportFigures.met(figure.met(), figure.target()));
        write(line, cells);
      }
      first.setColumnWidth(1, 60 * 256);
      chart((XSSFSheet) first, report, row + 1, publication, bold);
      for (Map.Entry<String, String> split : splits(report).entrySet()) {
        breakdownSheet(book, report, split.getKey(), split.getValue(), publication, bold);
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The indicators' rows, UTF-8 with a byte order mark so that Excel keeps the diacritics. */
  byte[] csv(IndicatorReport.Report report, boolean publication) {
    StringBuilder text = new StringBuilder("\uFEFF");
    text.append(line(Stream.of(INDICATOR_HEADER).toList()));
    for (IndicatorReport.Figure figure : report.indicators()) {
      text.append(line(Arrays.asList(figure.id(), figure.name(), figure.plan(), figure.article(), figure.unitLabel(),
          plain(countCell(figure.numerator(), publication && !amount(figure))),
          plain(countCell(figure.denominator(), publication)),
          plain(valueCell(figure.unit(), figure.value(), figure.numerator(), figure.denominator(), publication)),
          plain(figure.target()), ReportFigures.met(figure.met(), figure.target()))));
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  static ResponseEntity<byte[]> xlsxAnswer(byte[] content, IndicatorReport.Report report) {
    return download(content, fileName(report, "xlsx"), XLSX);
  }

  static ResponseEntity<byte[]> csvAnswer(byte[] content, IndicatorReport.Report report) {
    return download(content, fileName(report, "csv"), CSV);
  }

  private static ResponseEntity<byte[]> download(byte[] content, String fileName, MediaType type) {
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
        .contentType(type).body(content);
  }

  private static String fileName(IndicatorReport.Report report, String extension) {
    return "chi-tieu-" + report.unitCode() + "-" + (report.byPlanYear() ? "nam-ke-hoach-" + report.planYear()
        : report.from() + "-" + report.to()) + "." + extension;
  }

  /** The report's period as the page and the exports write it. */
  static String period(IndicatorReport.Report report) {
    return (report.byPlanYear() ? ReportPeriod.planYear(report.planYear())
        : new ReportPeriod(null, report.from(), report.to())).label();
  }

  private void breakdownSheet(XSSFWorkbook book, IndicatorReport.Report report, String by, String title,
      boolean publication, CellStyle bold) {
    Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(title));
    int row = heading(sheet, report, publication, bold);
    header(sheet, row++, new String[] {"Mã chỉ tiêu", "Tên chỉ tiêu", title, "Tử số", "Mẫu số", "Giá trị"}, bold);
    for (IndicatorReport.Figure figure : report.indicators()) {
      for (IndicatorReport.Split split : figure.breakdowns()) {
        if (!split.by().equals(by)) {
          continue;
        }
        for (IndicatorReport.Row part : split.rows()) {
          write(sheet.createRow(row++), Arrays.asList(figure.id(), figure.name(), part.label(),
              countCell(part.numerator(), publication && !amount(figure)), countCell(part.denominator(), publication),
              valueCell(figure.unit(), part.value(), part.numerator(), part.denominator(), publication)));
        }
        Row totals = sheet.createRow(row++);
        write(totals, Arrays.asList(figure.id(), figure.name(), TOTAL,
            countCell(figure.numerator(), publication && !amount(figure)), countCell(figure.denominator(), publication),
            valueCell(figure.unit(), figure.value(), figure.numerator(), figure.denominator(), publication)));
        totals.cellIterator().forEachRemaining(cell -> cell.setCellStyle(bold));
      }
    }
    sheet.setColumnWidth(1, 50 * 256);
  }

  /**
   * The percentages against their targets as a native bar chart, over a small table of its own below the
   * indicators (a chart reads contiguous cells; counts, đồng and days have scales of their own and stay out).
   */
  private static void chart(XSSFSheet sheet, IndicatorReport.Report report, int at, boolean publication,
      CellStyle bold) {
    List<IndicatorReport.Figure> percentages = report.indicators().stream()
        .filter(figure -> ValueUnit.PERCENT.word().equals(figure.unit())).toList();
    if (percentages.isEmpty()) {
      return;
    }
    write(sheet.createRow(at), List.of(CHART_TITLE));
    sheet.getRow(at).getCell(0).setCellStyle(bold);
    header(sheet, at + 1, new String[] {"Mã chỉ tiêu", "Giá trị (%)", "Chỉ tiêu (%)"}, bold);
    int row = at + 2;
    for (IndicatorReport.Figure figure : percentages) {
      write(sheet.createRow(row++), Arrays.asList(figure.id(),
          valueCell(figure.unit(), figure.value(), figure.numerator(), figure.denominator(), publication),
          figure.target()));
    }
    CellRangeAddress ids = new CellRangeAddress(at + 2, row - 1, 0, 0);
    XSSFDrawing drawing = sheet.createDrawingPatriarch();
    XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 3, at, 10, at + 4 + 3 * percentages.size()));
    chart.setTitleText(CHART_TITLE);
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.LEFT);
    XDDFValueAxis values = chart.createValueAxis(AxisPosition.BOTTOM);
    values.setMinimum(0);
    XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
    bars.setBarDirection(BarDirection.BAR);
    XDDFDataSource<String> names = XDDFDataSourcesFactory.fromStringCellRange(sheet, ids);
    bars.addSeries(names, XDDFDataSourcesFactory.fromNumericCellRange(sheet,
        new CellRangeAddress(at + 2, row - 1, 1, 1))).setTitle("Giá trị (%)", null);
    bars.addSeries(names, XDDFDataSourcesFactory.fromNumericCellRange(sheet,
        new CellRangeAddress(at + 2, row - 1, 2, 2))).setTitle("Chỉ tiêu (%)", null);
    chart.plot(bars);
  }

  /** Unit, period, time of export and whether small counts are hidden; answers the next free row. */
  private static int heading(Sheet sheet, IndicatorReport.Report report, boolean publication, CellStyle bold) {
    String[][] lines = {{"Đơn vị", report.unitName() + " (" + report.unitCode() + ")"},
        {"Kỳ báo cáo", period(report)},
        {"Xuất lúc", LocalDateTime.ofInstant(report.computedAt(), VietnameseFormat.ZONE).format(EXPORTED)},
        {"Số liệu", publication ? "Bản công bố: số đếm dưới 5 ghi \"<5\"" : "Số liệu chính xác (không công bố)"}};
    for (int i = 0; i < lines.length; i++) {
      Row line = sheet.createRow(i);
      write(line, Arrays.asList(lines[i][0], lines[i][1]));
      line.getCell(0).setCellStyle(bold);
    }
    return lines.length + 1;
  }

  /** The breakdowns in the order the indicators have them, each once: by word, with its title. */
  private static Map<String, String> splits(IndicatorReport.Report report) {
    Map<String, String> splits = new LinkedHashMap<>();
    report.indicators().forEach(figure -> figure.breakdowns().forEach(s -> splits.putIfAbsent(s.by(), s.title())));
    return splits;
  }

  private static boolean amount(IndicatorReport.Figure figure) {
    return ValueUnit.AMOUNT.word().equals(figure.unit());
  }

  private static Object countCell(Long count, boolean publication) {
    return publication && ReportFigures.small(count) ? ReportFigures.SMALL : count;
  }

  private static Object valueCell(String unit, java.math.BigDecimal value, Long numerator, Long denominator,
      boolean publication) {
    if (value != null && publication && ReportFigures.hides(unit, numerator, denominator)) {
      return ValueUnit.COUNT.word().equals(unit) ? ReportFigures.SMALL : ReportFigures.HIDDEN;
    }
    return value;
  }

  private static void header(Sheet sheet, int at, String[] titles, CellStyle bold) {
    Row row = sheet.createRow(at);
    for (int i = 0; i < titles.length; i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(titles[i]);
      cell.setCellStyle(bold);
    }
  }

  private static void write(Row row, List<Object> values) {
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value == null) {
        continue;
      }
      Cell cell = row.createCell(i);
      if (value instanceof Number number) {
        cell.setCellValue(number.doubleValue());
      } else {
        cell.setCellValue(String.valueOf(value));
      }
    }
  }

  private static String plain(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
  }

  private static String line(List<String> fields) {
    return fields.stream().map(ReportExports::quote).collect(Collectors.joining(",")) + "\r\n";
  }

  private static String quote(String field) {
    String text = field == null ? "" : field;
    return text.contains(",") || text.contains("\"") || text.contains("\n")
        ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}
