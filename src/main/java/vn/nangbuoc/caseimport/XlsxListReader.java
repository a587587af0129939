package vn.nangbuoc.caseimport;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import vn.nangbuoc.input.InvalidInputException;

/**
 * Reads the first sheet of an XLSX list with POI's event model: the parts are parsed as streams (no
 * workbook in memory), from a zip bounded in what it may expand to, and the parse stops at the row
 * limit. Memory holds the shared strings (bounded by the row limit) and the rows read.
 */
final class XlsxListReader {

  private XlsxListReader() {
  }

  static List<SourceRow> read(byte[] content, int maxRows, long maxExpanded) {
    try (BoundedZip zip = BoundedZip.open(content, maxExpanded)) {
      OPCPackage pkg = OPCPackage.open(zip);
      try {
        return rows(new XSSFReader(pkg), maxRows);
      } finally {
        // a package closed normally may try to save itself: this one was only read
        pkg.revert();
      }
    } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
      throw refusal(e);
    }
  }

  private static List<SourceRow> rows(XSSFReader reader, int maxRows)
      throws IOException, OpenXML4JException, SAXException {
    FirstSheet workbook = parse(reader.getWorkbookData(), new FirstSheet());
    if (workbook.relationId == null) {
      throw unreadable();
    }
    XlsxSharedStrings strings = new XlsxSharedStrings(maxRows);
    InputStream stringsPart = sharedStrings(reader);
    if (stringsPart != null) {
      parse(stringsPart, strings);
    }
    XlsxDateStyles styles = parse(reader.getStylesData(), new XlsxDateStyles());
    ListRows rows = new ListRows(maxRows);
    parse(reader.getSheet(workbook.relationId), new XlsxSheet(rows, strings, styles, workbook.date1904));
    return rows.rows();
  }

  /** What the user is told: the reason given inside the parse if there is one, else that the file is broken. */
  private static InvalidInputException refusal(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return invalid;
      }
      if (cause instanceof SAXException sax && sax.getException() instanceof InvalidInputException invalid) {
        return invalid;
      }
    }
    return unreadable();
  }

  private static InvalidInputException unreadable() {
    return new InvalidInputException("Không đọc được tệp Excel: tệp bị hỏng hoặc không phải bảng tính .xlsx.");
  }

  private static InputStream sharedStrings(XSSFReader reader) throws IOException {
    try {
      return reader.getSharedStringsData();
    } catch (OpenXML4JException | RuntimeException none) {
      return null;
    }
  }

  private static <H extends ContentHandler> H parse(InputStream part, H handler) throws IOException, SAXException {
    if (part == null) {
      return handler;
    }
    try (InputStream in = part) {
      XMLReader xml = XMLHelper.newXMLReader();
      xml.setContentHandler(handler);
      xml.parse(new InputSource(in));
      return handler;
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException("The JDK's SAX parser is always there", e);
    }
  }

  /** The workbook part: which sheet comes first, and whether its dates count from 1904 (old Mac Excel). */
  private static final class FirstSheet extends DefaultHandler {
    private String relationId;
    private boolean date1904;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      if (localName.equals("workbookPr")) {
        String value = attributes.getValue("date1904");
        date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
      } else if (localName.equals("sheet") && relationId == null) {
        for (int i = 0; i < attributes.getLength(); i++) {
          if (attributes.getLocalName(i).equals("id")) {
            relationId = attributes.getValue(i);
          }
        }
      }
    }
  }
}
