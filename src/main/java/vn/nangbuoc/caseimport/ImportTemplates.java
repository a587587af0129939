package vn.nangbuoc.caseimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.DisabilityLevel;
import vn.nangbuoc.casefile.DisabilityType;
import vn.nangbuoc.casefile.HouseholdStatus;
import vn.nangbuoc.casefile.Sex;

/**
 * The list templates a commune downloads: the columns in order, and no example row in the list
 * itself (a forgotten example would be imported as a child); the workbook's "Hướng dẫn" sheet shows
 * one instead. The workbook
 * keeps identity numbers, phones and dates as text (Excel would drop a leading 0 or turn a date
 * around) and offers each choice as a drop-down list from its "Danh mục" sheet.
 */
final class ImportTemplates {

  static final int TEMPLATE_ROWS = 2000;

  private ImportTemplates() {
  }

  static byte[] csv() {
    String header = Arrays.stream(ImportColumn.values()).map(c -> quote(c.header())).collect(Collectors.joining(","));
    // the byte order mark makes Excel read the file as UTF-8, diacritics intact
    return ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] xlsx(List<String> communeNames) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Danh sách");
      Sheet guide = book.createSheet("Hướng dẫn");
      Sheet lists = book.createSheet("Danh mục");
      CellStyle text = book.createCellStyle();
      text.setDataFormat(book.createDataFormat().getFormat("@"));
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      Row guideHeader = guide.createRow(0);
      String[] guideTitles = {"Cột", "Bắt buộc", "Ví dụ"};
      for (int i = 0; i < guideTitles.length; i++) {
        guideHeader.createCell(i).setCellValue(guideTitles[i]);
        guideHeader.getCell(i).setCellStyle(bold);
        guide.setColumnWidth(i, 30 * 256);
      }
      Map<ImportColumn, List<String>> choices = choices(communeNames);
      int listColumn = 0;
      for (ImportColumn column : ImportColumn.values()) {
        int index = column.ordinal();
        header.createCell(index).setCellValue(column.header());
        header.getCell(index).setCellStyle(bold);
        sheet.setDefaultColumnStyle(index, text);
        Row line = guide.createRow(index + 1);
        line.createCell(0).setCellValue(column.header());
        line.createCell(1).setCellValue(column.required() ? "Có" : "Không");
        line.createCell(2).setCellValue(column.example());
        sheet.setColumnWidth(index, 22 * 256);
        List<String> values = choices.get(column);
        if (values != null) {
          offer(sheet, lists, listColumn++, column, values);
        }
      }
      sheet.createFreezePane(0, 1);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void offer(Sheet sheet, Sheet lists, int listColumn, ImportColumn column, List<String> values) {
    Row title = lists.getRow(0) == null ? lists.createRow(0) : lists.getRow(0);
    title.createCell(listColumn).setCellValue(column.header());
    for (int i = 0; i < values.size(); i++) {
      Row row = lists.getRow(i + 1) == null ? lists.createRow(i + 1) : lists.getRow(i + 1);
      row.createCell(listColumn).setCellValue(values.get(i));
    }
    lists.setColumnWidth(listColumn, 30 * 256);
    String letter = CellReference.convertNumToColString(listColumn);
    DataValidationHelper helper = sheet.getDataValidationHelper();
    DataValidation validation = helper.createValidation(
        helper.createFormulaListConstraint("'Danh mục'!$" + letter + "$2:$" + letter + "$" + (values.size() + 1)),
        new CellRangeAddressList(1, TEMPLATE_ROWS, column.ordinal(), column.ordinal()));
    validation.setShowErrorBox(true);
    validation.createErrorBox("Giá trị không có trong danh mục", "Chọn một giá trị trong danh sách thả xuống.");
    sheet.addValidationData(validation);
  }

  private static Map<ImportColumn, List<String>> choices(List<String> communeNames) {
    Map<ImportColumn, List<String>> choices = new LinkedHashMap<>();
    choices.put(ImportColumn.SEX, labels(Sex.values(), Sex::label));
    choices.put(ImportColumn.COMMUNE, communeNames);
    choices.put(ImportColumn.HOUSEHOLD, labels(HouseholdStatus.values(), HouseholdStatus::label));
    choices.put(ImportColumn.DISABILITY_TYPE, labels(DisabilityType.values(), DisabilityType::label));
    choices.put(ImportColumn.DISABILITY_LEVEL, labels(DisabilityLevel.values(), DisabilityLevel::label));
    choices.put(ImportColumn.CONDITION, labels(ConditionGroup.values(), ConditionGroup::label));
    choices.put(ImportColumn.CAREGIVER_RELATION, labels(CaregiverRelation.values(), CaregiverRelation::label));
    return choices;
  }

  private static <E> List<String> labels(E[] values, Function<E, String> label) {
    return Stream.of(values).map(label).toList();
  }

  private static String quote(String cell) {
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }
}
