package vn.nangbuoc.caseimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.nangbuoc.input.VietnameseFormat;

/** Lists as communes write them, for the import tests: rows of cells by column, written as CSV or XLSX. */
final class ListFiles {

  private final List<Map<ImportColumn, String>> rows = new ArrayList<>();

  /** A valid child of Mai Pha; each call a different child (unique name, and an ID when asked). */
  static Map<ImportColumn, String> child(boolean withPersonalId) {
    Map<ImportColumn, String> row = new EnumMap<>(ImportColumn.class);
    row.put(ImportColumn.FULL_NAME, "Hoàng Văn " + uniqueWord());
    row.put(ImportColumn.DATE_OF_BIRTH, VietnameseFormat.date(LocalDate.now().minusYears(4).minusDays(
        ThreadLocalRandom.current().nextInt(300))));
    row.put(ImportColumn.SEX, "Nam");
    row.put(ImportColumn.ETHNICITY, "Tày");
    if (withPersonalId) {
      row.put(ImportColumn.PERSONAL_ID, personalId());
    }
    row.put(ImportColumn.ADDRESS, "Thôn Khòn Chả");
    row.put(ImportColumn.COMMUNE, "Mai Pha");
    row.put(ImportColumn.HOUSEHOLD, "Hộ nghèo");
    row.put(ImportColumn.DISABILITY_TYPE, "Khuyết tật vận động");
    row.put(ImportColumn.DISABILITY_LEVEL, "Nặng");
    row.put(ImportColumn.CONDITION, "Sứt môi, hở hàm ếch");
    row.put(ImportColumn.CAREGIVER_NAME, "Nông Thị Hạnh");
    row.put(ImportColumn.CAREGIVER_RELATION, "Mẹ");
    row.put(ImportColumn.CAREGIVER_PHONE, "0912345678");
    return row;
  }

  static String personalId() {
    return "0" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
  }

  static String uniqueWord() {
    StringBuilder word = new StringBuilder("Ân");
    for (int i = 0; i < 7; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }

  ListFiles add(Map<ImportColumn, String> row) {
    rows.add(row);
    return this;
  }

  ListFiles add(Map<ImportColumn, String> row, ImportColumn column, String value) {
    Map<ImportColumn, String> changed = new EnumMap<>(row);
    if (value == null) {
      changed.remove(column);
    } else {
      changed.put(column, value);
    }
    return add(changed);
  }

  Map<ImportColumn, String> row(int index) {
    return rows.get(index);
  }

  int size() {
    return rows.size();
  }

  byte[] csv() {
    StringBuilder text = new StringBuilder();
    text.append(Arrays.stream(ImportColumn.values()).map(c -> quote(c.header())).collect(Collectors.joining(",")))
        .append("\r\n");
    for (Map<ImportColumn, String> row : rows) {
      text.append(Arrays.stream(ImportColumn.values()).map(c -> quote(row.getOrDefault(c, "")))
          .collect(Collectors.joining(","))).append("\r\n");
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  byte[] xlsx() throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Danh sách");
      Row header = sheet.createRow(0);
      for (ImportColumn column : ImportColumn.values()) {
        header.createCell(column.ordinal()).setCellValue(column.header());
      }
      for (int i = 0; i < rows.size(); i++) {
        Row line = sheet.createRow(i + 1);
        for (Map.Entry<ImportColumn, String> cell : rows.get(i).entrySet()) {
          line.createCell(cell.getKey().ordinal()).setCellValue(cell.getValue());
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  private static String quote(String cell) {
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }
}
