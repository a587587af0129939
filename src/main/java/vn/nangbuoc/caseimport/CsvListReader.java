package vn.nangbuoc.caseimport;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.nangbuoc.input.InvalidInputException;

/**
 * Reads CSV as spreadsheets write it (RFC 4180, Apache Commons CSV), one record at a time: quoted
 * fields may hold the separator, quotes (doubled) and line breaks. The separator is the one of comma,
 * semicolon and tab that the header line uses: Excel in Vietnamese settings writes semicolons. The
 * text is UTF-8 (with or without a byte order mark), else what Excel writes on Vietnamese Windows.
 */
final class CsvListReader {

  /** What Excel writes for "CSV" on Vietnamese Windows when not told UTF-8. */
  private static final Charset VIETNAMESE_WINDOWS = Charset.forName("windows-1258");
  /** The header is looked at for the separator up to this many characters. */
  private static final int HEADER_LOOKAHEAD = 64 * 1024;

  private CsvListReader() {
  }

  static List<SourceRow> read(byte[] content, int maxRows) {
    int start = content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB
        && content[2] == (byte) 0xBF ? 3 : 0;
    Charset charset = isUtf8(content, start) ? StandardCharsets.UTF_8 : VIETNAMESE_WINDOWS;
    Reader text = new InputStreamReader(new ByteArrayInputStream(content, start, content.length - start), charset);
    return read(text, maxRows);
  }

  /** Reads records until the end or the row limit, whichever comes first. */
  static List<SourceRow> read(Reader text, int maxRows) {
    ListRows rows = new ListRows(maxRows);
    try (BufferedReader reader = new BufferedReader(new TextOnly(text), HEADER_LOOKAHEAD)) {
      CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separatorOf(reader))
          .setIgnoreEmptyLines(false).setTrailingData(true).get();
      try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
        Iterator<CSVRecord> records = parser.iterator();
        while (true) {
          int line = (int) parser.getCurrentLineNumber() + 1;
          try {
            if (!records.hasNext()) {
              break;
            }
          } catch (UncheckedIOException broken) {
            throw new InvalidInputException("Tệp CSV bị lỗi: dấu ngoặc kép mở ở dòng " + line
                + " không được đóng.");
          }
          rows.add(line, records.next().toList());
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidInputException("Không đọc được tệp CSV: tệp bị hỏng.");
    }
    return rows.rows();
  }

  private static char separatorOf(BufferedReader reader) throws IOException {
    reader.mark(HEADER_LOOKAHEAD);
    char[] head = new char[HEADER_LOOKAHEAD];
    int length = 0;
    int read;
    while (length < head.length && (read = reader.read(head, length, head.length - length)) > 0) {
      length += read;
    }
    reader.reset();
    int[] counts = new int[3];
    char[] candidates = {',', ';', '\t'};
    for (int i = 0; i < length && head[i] != '\n'; i++) {
      for (int c = 0; c < candidates.length; c++) {
        if (head[i] == candidates[c]) {
          counts[c]++;
        }
      }
    }
    int best = 0;
    for (int c = 1; c < candidates.length; c++) {
      if (counts[c] > counts[best]) {
        best = c;
      }
    }
    return candidates[best];
  }

  /** Checks the whole content decodes as UTF-8, a piece at a time, without building the text. */
  private static boolean isUtf8(byte[] content, int start) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content, start, content.length - start);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return false;
      }
      out.clear();
      if (result.isUnderflow()) {
        return !decoder.flush(out).isError();
      }
    }
  }

  /** A list is text: a control character (other than line breaks and tabs) means it is some other file. */
  private static final class TextOnly extends FilterReader {

    /**
     * A list has a dozen columns. The parser builds a whole record before it is looked at, so a line of
     * millions of separators (a few MB) would become millions of cells: refused while it is read.
     */
    static final int MAX_SEPARATORS_PER_LINE = 2000;

    private int separatorsInLine;

    TextOnly(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        check((char) c);
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      for (int i = offset; i < offset + read; i++) {
        check(buffer[i]);
      }
      return read;
    }

    private void check(char c) {
      if (c == '\n') {
        separatorsInLine = 0;
      } else if ((c == ',' || c == ';' || c == '\t') && ++separatorsInLine > MAX_SEPARATORS_PER_LINE) {
        throw new InvalidInputException("Tệp CSV có dòng hơn " + MAX_SEPARATORS_PER_LINE
            + " cột: không phải danh sách trẻ theo mẫu.");
      } else if (Character.isISOControl(c) && c != '\r' && c != '\t') {
        throw ListFileReader.notAList();
      }
    }
  }
}
