package vn.nangbuoc.caseimport;

import java.util.List;
import java.util.Locale;
import vn.nangbuoc.input.InvalidInputException;

/**
 * Turns an uploaded list into rows, refusing whatever is not a CSV or XLSX list: the kind is read
 * from the content (a renamed PDF is not a spreadsheet), the header must name every required column.
 * Both kinds are read as streams that stop at the row limit, and an XLSX may not expand past
 * {@code maxExpanded} bytes: no upload can hold the memory or the processor of the server.
 */
final class ListFileReader {

  /** What an XLSX may expand to unless configured otherwise (nangbuoc.import.max-expanded-size). */
  static final long DEFAULT_MAX_EXPANDED = 50L * 1024 * 1024;

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

  private ListFileReader() {
  }

  static List<SourceRow> read(String fileName, byte[] content, int maxRows) {
    return read(fileName, content, maxRows, DEFAULT_MAX_EXPANDED);
  }

  static List<SourceRow> read(String fileName, byte[] content, int maxRows, long maxExpanded) {
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
      return XlsxListReader.read(content, maxRows, maxExpanded);
    }
    if (name.endsWith(".csv")) {
      return CsvListReader.read(content, maxRows);
    }
    throw notAList();
  }

  static InvalidInputException notAList() {
    return new InvalidInputException("Chỉ nhận danh sách dạng .csv hoặc .xlsx (tải mẫu trên trang này); nội dung"
        + " tệp đã gửi không phải là bảng tính đó.");
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
