package vn.nangbuoc.caseimport;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.nangbuoc.input.InvalidInputException;

/**
 * The rows of a list as a reader hands them over, one line at a time: the first non-empty line is
 * the header, every later non-empty line a row. A line past the row limit stops the reading there,
 * so a list of a million rows is refused after the limit, not after it was read.
 */
final class ListRows {

  static final int MAX_CELL = 1000;

  private final int maxRows;
  private final List<SourceRow> rows = new ArrayList<>();
  private Map<Integer, ImportColumn> columns;

  ListRows(int maxRows) {
    this.maxRows = maxRows;
  }

  /** One line of the file: its cells in column order, and the number the spreadsheet shows for it. */
  void add(int number, List<String> line) {
    if (blank(line)) {
      return;
    }
    if (columns == null) {
      columns = columns(line);
      return;
    }
    if (rows.size() == maxRows) {
      throw tooMany(maxRows);
    }
    Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
    columns.forEach((index, column) -> {
      String value = index < line.size() ? clean(line.get(index)) : "";
      if (!value.isEmpty()) {
        cells.put(column, value);
      }
    });
    rows.add(new SourceRow(number, cells));
  }

  List<SourceRow> rows() {
    if (columns == null) {
      throw new InvalidInputException("Tệp không có dòng tiêu đề nào: hãy dùng tệp mẫu.");
    }
    if (rows.isEmpty()) {
      throw new InvalidInputException("Tệp chỉ có dòng tiêu đề, chưa có trẻ nào trong danh sách.");
    }
    return rows;
  }

  static InvalidInputException tooMany(int maxRows) {
    return new InvalidInputException("Tệp có hơn " + maxRows + " dòng: hãy chia thành nhiều tệp nhỏ hơn.");
  }

  /**
   * NFC: text from old keyboards and windows-1258 carries tone marks as separate characters. No
   * field may be longer than a few hundred characters, so a longer cell is cut (and still refused).
   * A cell already clean is returned as it is, so that a text shared by many cells stays one text.
   */
  static String clean(String cell) {
    if (cell == null) {
      return "";
    }
    String text = Normalizer.isNormalized(cell, Normalizer.Form.NFC) ? cell
        : Normalizer.normalize(cell, Normalizer.Form.NFC);
    text = text.strip();
    return text.length() > MAX_CELL ? text.substring(0, MAX_CELL) : text;
  }

  private static Map<Integer, ImportColumn> columns(List<String> header) {
    Map<Integer, ImportColumn> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      int index = i;
      ImportColumn.ofHeader(clean(header.get(i))).ifPresent(column -> {
        if (columns.containsValue(column)) {
          throw new InvalidInputException("Cột \"" + column.header() + "\" có hai lần trong dòng tiêu đề.");
        }
        columns.put(index, column);
      });
    }
    List<String> missing = Arrays.stream(ImportColumn.values())
        .filter(column -> column.required() && !columns.containsValue(column)).map(ImportColumn::header).toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException("Tệp thiếu cột bắt buộc: " + String.join("; ", missing)
          + ". Hãy dùng tệp mẫu: tên cột phải giữ nguyên.");
    }
    return columns;
  }

  private static boolean blank(List<String> line) {
    return line.stream().allMatch(cell -> cell == null || cell.isBlank());
  }
}
