package vn.nangbuoc.caseimport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DateUtil;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;
import vn.nangbuoc.input.VietnameseFormat;

/**
 * A worksheet read as a stream: each row is handed to the list as soon as it ends, so memory holds
 * one row, and the row past the limit stops the parse. Cells read as the spreadsheet shows them:
 * text, the cached result of a formula, a date in Vietnamese form, a number without exponent.
 */
final class XlsxSheet extends DefaultHandler {

  /** A list has fourteen columns: cells far to the right of them are not read. */
  private static final int MAX_COLUMNS = 1000;
  private static final int KEPT = 4 * ListRows.MAX_CELL;

  private final ListRows rows;
  private final XlsxSharedStrings strings;
  private final XlsxDateStyles styles;
  private final boolean date1904;
  private final List<String> line = new ArrayList<>();
  private final StringBuilder value = new StringBuilder();
  private int rowNumber;
  private int column;
  private String type;
  private int style;
  private boolean inValue;
  private boolean inPhonetic;

  XlsxSheet(ListRows rows, XlsxSharedStrings strings, XlsxDateStyles styles, boolean date1904) {
    this.rows = rows;
    this.strings = strings;
    this.styles = styles;
    this.date1904 = date1904;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    switch (localName) {
      case "row" -> {
        Integer number = XlsxDateStyles.number(attributes.getValue("r"));
        rowNumber = number == null ? rowNumber + 1 : number;
        line.clear();
        column = -1;
      }
      case "c" -> {
        String reference = attributes.getValue("r");
        column = reference == null ? column + 1 : columnOf(reference);
        type = attributes.getValue("t");
        Integer styleIndex = XlsxDateStyles.number(attributes.getValue("s"));
        style = styleIndex == null ? 0 : styleIndex;
        value.setLength(0);
      }
      case "v" -> inValue = true;
      case "t" -> inValue = "inlineStr".equals(type) && !inPhonetic;
      case "rPh" -> inPhonetic = true;
      default -> {
      }
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    switch (localName) {
      case "v", "t" -> inValue = false;
      case "rPh" -> inPhonetic = false;
      case "c" -> {
        String text = column >= 0 && column < MAX_COLUMNS ? text() : "";
        if (!text.isEmpty()) {
          while (line.size() <= column) {
            line.add("");
          }
          line.set(column, text);
        }
      }
      case "row" -> rows.add(rowNumber, line);
      default -> {
      }
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (inValue) {
      value.append(ch, start, Math.min(length, Math.max(0, KEPT - value.length())));
    }
  }

  private String text() {
    String raw = value.toString();
    if (type == null || type.equals("n")) {
      return number(raw);
    }
    return switch (type) {
      case "s" -> {
        Integer index = XlsxDateStyles.number(raw);
        yield index == null ? "" : strings.get(index);
      }
      case "inlineStr", "str" -> raw;
      case "b" -> String.valueOf(raw.strip().equals("1") || raw.strip().equalsIgnoreCase("true"));
      case "d" -> raw.length() >= 10 ? date(raw.substring(0, 10)) : raw;
      default -> "";
    };
  }

  private String number(String raw) {
    if (raw.isBlank()) {
      return "";
    }
    try {
      double number = Double.parseDouble(raw.strip());
      if (styles.isDate(style) && DateUtil.isValidExcelDate(number)) {
        return VietnameseFormat.date(DateUtil.getLocalDateTime(number, date1904).toLocalDate());
      }
      return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException notANumber) {
      return raw;
    }
  }

  private static String date(String isoDate) {
    try {
      return VietnameseFormat.date(LocalDate.parse(isoDate));
    } catch (RuntimeException notADate) {
      return isoDate;
    }
  }

  /** "AB12" is column 27 (0-based): the letters before the row number. */
  private static int columnOf(String reference) {
    int column = 0;
    for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
      column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
      if (column > MAX_COLUMNS) {
        return MAX_COLUMNS;
      }
    }
    return column - 1;
  }
}
