package vn.nangbuoc.caseimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * XLSX files written part by part with java.util.zip, for what POI would not write: a sheet that
 * inflates to a hundred megabytes, a zip that lies about its sizes, rows followed by garbage.
 */
final class HandMadeXlsx {

  static final String SHEET = "xl/worksheets/sheet1.xml";

  private HandMadeXlsx() {
  }

  /** An XLSX whose only sheet is what {@code sheet} writes after the sheet's opening tags. */
  static byte[] withSheet(Consumer<OutputStream> sheet) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      part(zip, "[Content_Types].xml", """
          <?xml version="1.0" encoding="UTF-8"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/xl/workbook.xml" \
          ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
          <Override PartName="/xl/worksheets/sheet1.xml" \
          ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
          </Types>""");
      part(zip, "_rels/.rels", """
          <?xml version="1.0" encoding="UTF-8"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Target="xl/workbook.xml" \
          Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
          </Relationships>""");
      part(zip, "xl/workbook.xml", """
          <?xml version="1.0" encoding="UTF-8"?>
          <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
           xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
          <sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>""");
      part(zip, "xl/_rels/workbook.xml.rels", """
          <?xml version="1.0" encoding="UTF-8"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Target="worksheets/sheet1.xml" \
          Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>
          </Relationships>""");
      zip.putNextEntry(new ZipEntry(SHEET));
      zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
          + "spreadsheetml/2006/main\"><sheetData>").getBytes(StandardCharsets.UTF_8));
      sheet.accept(zip);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The header row of the template, as inline strings. */
  static void header(OutputStream out) {
    StringBuilder row = new StringBuilder("<row r=\"1\">");
    for (ImportColumn column : ImportColumn.values()) {
      row.append(cell(column.ordinal(), 1, column.header()));
    }
    write(out, row.append("</row>").toString());
  }

  /** Rows 2.. of valid children, {@code count} of them. */
  static void children(OutputStream out, int count) {
    for (int i = 0; i < count; i++) {
      int number = i + 2;
      StringBuilder row = new StringBuilder("<row r=\"" + number + "\">");
      ListFiles.child(true).forEach((column, value) -> row.append(cell(column.ordinal(), number, value)));
      write(out, row.append("</row>").toString());
    }
  }

  static String cell(int column, int row, String text) {
    return "<c r=\"" + (char) ('A' + column) + row + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  }

  static void write(OutputStream out, String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same zip, its central directory now saying the sheet inflates to {@code size} bytes. */
  static byte[] lyingAboutTheSheet(byte[] zip, int size) {
    byte[] copy = zip.clone();
    ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
    byte[] name = SHEET.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + 46 < copy.length; i++) {
      if (buffer.getInt(i) == 0x02014b50 && buffer.getShort(i + 28) == name.length
          && new String(copy, i + 46, name.length, StandardCharsets.UTF_8).equals(SHEET)) {
        buffer.putInt(i + 24, size);
        return copy;
      }
    }
    throw new IllegalStateException("no central directory entry for the sheet");
  }

  private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(xml.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
