package vn.nangbuoc.caseimport;

import java.util.ArrayList;
import java.util.List;
import vn.nangbuoc.input.InvalidInputException;

/**
 * Reads CSV as spreadsheets write it (RFC 4180): quoted fields may hold the separator, quotes
 * (doubled) and line breaks. The separator is the one of comma, semicolon and tab that the header
 * line uses: Excel in Vietnamese settings writes semicolons.
 */
final class CsvParser {

  private CsvParser() {
  }

  /** Each record with the line it starts on (1-based). */
  record Record(int line, List<String> fields) {
  }

  static List<Record> parse(String text) {
    char separator = separatorOf(text);
    List<Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int recordLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == separator) {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        records.add(new Record(recordLine, fields));
        fields = new ArrayList<>();
        line++;
        recordLine = line;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new InvalidInputException("Tệp CSV bị lỗi: dấu ngoặc kép mở ở dòng " + recordLine + " không được đóng.");
    }
    if (!field.isEmpty() || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(new Record(recordLine, fields));
    }
    return records;
  }

  private static char separatorOf(String text) {
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    char best = ',';
    long most = -1;
    for (char candidate : new char[] {',', ';', '\t'}) {
      long count = header.chars().filter(c -> c == candidate).count();
      if (count > most) {
        most = count;
        best = candidate;
      }
    }
    return best;
  }
}
