package vn.nangbuoc.caseimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Which cell styles of a workbook show a number as a date, read as a stream from the styles part:
 * a date of birth typed in Excel is a number with a date format.
 */
final class XlsxDateStyles extends DefaultHandler {

  private final Map<Integer, String> formats = new HashMap<>();
  private final List<Integer> styleFormats = new ArrayList<>();
  private boolean inCellStyles;

  boolean isDate(int style) {
    if (style < 0 || style >= styleFormats.size()) {
      return false;
    }
    int format = styleFormats.get(style);
    String pattern = formats.getOrDefault(format, BuiltinFormats.getBuiltinFormat(format));
    return pattern != null && DateUtil.isADateFormat(format, pattern);
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    switch (localName) {
      case "numFmt" -> {
        Integer id = number(attributes.getValue("numFmtId"));
        if (id != null && formats.size() < 10_000) {
          formats.put(id, attributes.getValue("formatCode"));
        }
      }
      case "cellXfs" -> inCellStyles = true;
      case "xf" -> {
        if (inCellStyles && styleFormats.size() < 100_000) {
          Integer id = number(attributes.getValue("numFmtId"));
          styleFormats.add(id == null ? 0 : id);
        }
      }
      default -> {
      }
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    if (localName.equals("cellXfs")) {
      inCellStyles = false;
    }
  }

  static Integer number(String text) {
    try {
      return text == null ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
