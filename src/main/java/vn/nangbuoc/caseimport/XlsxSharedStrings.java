package vn.nangbuoc.caseimport;

import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared strings of a workbook, read as a stream. Each string is kept cleaned and cut as a cell
 * would be, and the table may hold no more strings and characters than a list within the row limit
 * can use: a crafted table of millions of strings is refused instead of filling the memory.
 */
final class XlsxSharedStrings extends DefaultHandler {

  /** What is kept of a string before it is cleaned (leading spaces included). */
  private static final int KEPT = 4 * ListRows.MAX_CELL;

  private final int maxStrings;
  private final long maxCharacters;
  private final int maxRows;
  private final List<String> strings = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private long characters;
  private boolean inText;
  private boolean inPhonetic;

  XlsxSharedStrings(int maxRows) {
    this.maxRows = maxRows;
    this.maxStrings = (maxRows + 1) * ImportColumn.values().length + 1000;
    this.maxCharacters = (long) maxStrings * 32;
  }

  String get(int index) {
    return index >= 0 && index < strings.size() ? strings.get(index) : "";
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    switch (localName) {
      case "si" -> text.setLength(0);
      case "t" -> inText = !inPhonetic;
      case "rPh" -> inPhonetic = true;
      default -> {
      }
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    switch (localName) {
      case "si" -> {
        if (strings.size() == maxStrings) {
          throw ListRows.tooMany(maxRows);
        }
        String cleaned = ListRows.clean(text.toString());
        characters += cleaned.length();
        if (characters > maxCharacters) {
          throw ListRows.tooMany(maxRows);
        }
        strings.add(cleaned);
      }
      case "t" -> inText = false;
      case "rPh" -> inPhonetic = false;
      default -> {
      }
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (inText) {
      text.append(ch, start, Math.min(length, Math.max(0, KEPT - text.length())));
    }
  }
}
