package vn.nangbuoc.caseimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.VietnameseFormat;

/**
 * Turns an uploaded list into rows, refusing whatever is not a CSV or XLSX list: the kind is read
 * from the content (a renamed PDF is not a spreadsheet), the header must name every required column.
 */
final class ListFileReader {

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
  /** What Excel writes for "CSV" on Vietnamese Windows when not told UTF-8. */
  private static final Charset VIETNAMESE_WINDOWS = Charset.forName("windows-1258");

  static final int MAX_CELL = 1000;

  private ListFileReader() {
  }

  static List<SourceRow> read(String fileName, byte[] content, int maxRows) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (content.length == 0) {
      throw new InvalidInputException("Tệp rỗng: không có dòng nào để nhập.");
    }
    if (startsWith(content, OLE2)) {
      throw new InvalidInputException("Tệp Excel 97–2003 (.xls) chưa được hỗ trợ: hãy mở tệp và lưu lại dưới dạng"
          + " .xlsx hoặc .csv.");
    }
    if (name.endsWith(".xlsx")) {
      if (!startsWith(content, ZIP)) {
        throw notAList();
      }
      return xlsx(content, maxRows);
    }
    if (name.endsWith(".csv")) {
      return csv(text(content), maxRows);
    }
    throw notAList();
  }

  private static InvalidInputException notAList() {
    return new InvalidInputException("Chỉ nhận danh sách dạng .csv hoặc .xlsx (tải mẫu trên trang này); nội dung"
        + " tệp đã gửi không phải là bảng tính đó.");
  }

  private static List<SourceRow> xlsx(byte[] content, int maxRows) {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      Sheet sheet = book.getSheetAt(0);
      List<List<String>> lines = new ArrayList<>();
      List<Integer> numbers = new ArrayList<>();
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
          cells.add(text(row.getCell(i)));
        }
        lines.add(cells);
        numbers.add(row.getRowNum() + 1);
        if (lines.size() > maxRows + 1) {
          throw tooManyRows(maxRows);
        }
      }
      return rows(lines, numbers::get, maxRows);
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw new InvalidInputException("Không đọc được tệp Excel: tệp bị hỏng hoặc không phải bảng tính .xlsx.");
    }
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
    return switch (type) {
      case STRING -> cell.getStringCellValue();
      case NUMERIC -> DateUtil.isCellDateFormatted(cell)
          ? VietnameseFormat.date(LocalDate.from(cell.getLocalDateTimeCellValue()))
          : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
      case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
      default -> "";
    };
  }

  private static List<SourceRow> csv(String text, int maxRows) {
    List<CsvParser.Record> records = CsvParser.parse(text);
    if (records.size() > maxRows + 1) {
      throw tooManyRows(maxRows);
    }
    return rows(records.stream().map(CsvParser.Record::fields).toList(), i -> records.get(i).line(), maxRows);
  }

  /** The first non-empty line is the header; every later non-empty line is a row. */
  private static List<SourceRow> rows(List<List<String>> lines, IntFunction<Integer> numberOf, int maxRows) {
    int header = 0;
    while (header < lines.size() && blank(lines.get(header))) {
      header++;
    }
    if (header == lines.size()) {
      throw new InvalidInputException("Tệp không có dòng tiêu đề nào: hãy dùng tệp mẫu.");
    }
    Map<Integer, ImportColumn> columns = columns(lines.get(header));
    List<SourceRow> rows = new ArrayList<>();
    for (int i = header + 1; i < lines.size(); i++) {
      List<String> line = lines.get(i);
      if (blank(line)) {
        continue;
      }
      Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
      columns.forEach((index, column) -> {
        String value = index < line.size() ? clean(line.get(index)) : "";
        if (!value.isEmpty()) {
          cells.put(column, value);
        }
      });
      rows.add(new SourceRow(numberOf.apply(i), cells));
    }
    if (rows.isEmpty()) {
      throw new InvalidInputException("Tệp chỉ có dòng tiêu đề, chưa có trẻ nào trong danh sách.");
    }
    if (rows.size() > maxRows) {
      throw tooManyRows(maxRows);
    }
    return rows;
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

  /**
   * NFC: text from old keyboards and windows-1258 carries tone marks as separate characters. No
   * field may be longer than a few hundred characters, so a longer cell is cut (and still refused).
   */
  private static String clean(String cell) {
    String text = cell == null ? "" : Normalizer.normalize(cell, Normalizer.Form.NFC).strip();
    return text.length() > MAX_CELL ? text.substring(0, MAX_CELL) : text;
  }

  private static InvalidInputException tooManyRows(int maxRows) {
    return new InvalidInputException("Tệp có hơn " + maxRows + " dòng: hãy chia thành nhiều tệp nhỏ hơn.");
  }

  private static String text(byte[] content) {
    int start = content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
        && content[2] == (byte) 0xBF ? 3 : 0;
    ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
    } catch (CharacterCodingException notUtf8) {
      text = new String(content, start, content.length - start, VIETNAMESE_WINDOWS);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        throw notAList();
      }
    }
    return text;
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
