package vn.nangbuoc.fund;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.input.VietnameseFormat;

/**
 * Workbooks for the finance office and inspectors: the ledger with a totals row that must equal the
 * fund's balances, and the funding decisions. Amounts are numbers (whole đồng) so sums can be checked.
 */
@Component
class FundExports {

  static final String[] LEDGER_HEADER = {"Số", "Ngày", "Loại", "Số tiền", "Khả dụng (+/−)", "Đang giữ (+/−)",
      "Đã chi (+/−)", "Đề nghị số", "Loại thu", "Tổ chức, cá nhân ủng hộ", "Mục đích", "Đơn vị nhận", "Chứng từ",
      "Người ghi", "Lý do", "Điều chỉnh bút toán", "Người xác nhận điều chỉnh"};
  static final String[] DECISION_HEADER = {"Đề nghị số", "Hồ sơ", "Số tiền đề nghị", "Bệnh viện", "Phương pháp",
      "Người đề nghị", "Ngày đề nghị", "Trạng thái", "Người quyết định", "Ngày quyết định", "Lý do", "Chi phí thực tế"};

  private final FundBooks ledger;
  private final CaseFileService caseFiles;

  FundExports(FundBooks ledger, CaseFileService caseFiles) {
    this.ledger = ledger;
    this.caseFiles = caseFiles;
  }

  /** The rows are the caller's: as this reader may see them ({@link ChildrenInTheBooks}). */
  byte[] ledgerWorkbook(String fundId, LocalDate from, LocalDate to, List<LedgerEntry> entries) {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      CellStyle bold = boldStyle(book);
      Sheet sheet = book.createSheet("Sổ quỹ");
      header(sheet, LEDGER_HEADER, bold);
      int row = 1;
      long available = 0;
      long reserved = 0;
      long disbursed = 0;
      for (LedgerEntry entry : entries) {
        Row line = sheet.createRow(row++);
        set(line, 0, entry.id());
        set(line, 1, VietnameseFormat.date(entry.date()));
        set(line, 2, entry.type().label());
        set(line, 3, entry.amount());
        set(line, 4, entry.available());
        set(line, 5, entry.reserved());
        set(line, 6, entry.disbursed());
        set(line, 7, entry.requestId());
        set(line, 8, entry.receiptKind() == null ? null : entry.receiptKind().name());
        set(line, 9, entry.donor());
        set(line, 10, entry.earmark());
        set(line, 11, entry.payee());
        set(line, 12, entry.voucher());
        set(line, 13, entry.recordedBy());
        set(line, 14, entry.reason());
        set(line, 15, entry.correctsEntryId());
        set(line, 16, entry.confirmedBy());
        available += entry.available();
        reserved += entry.reserved();
        disbursed += entry.disbursed();
      }
      Row totals = sheet.createRow(row);
      set(totals, 2, "Cộng");
      set(totals, 4, available);
      set(totals, 5, reserved);
      set(totals, 6, disbursed);
      totals.cellIterator().forEachRemaining(cell -> cell.setCellStyle(bold));
      Sheet overview = book.createSheet("Tổng hợp");
      Balance balance = ledger.balance(fundId);
      String[][] lines = {{"Quỹ", fundId}, {"Từ ngày", VietnameseFormat.date(from)},
          {"Đến ngày", VietnameseFormat.date(to)}};
      for (int i = 0; i < lines.length; i++) {
        Row line = overview.createRow(i);
        set(line, 0, lines[i][0]);
        set(line, 1, lines[i][1]);
      }
      Object[][] amounts = {{"Khả dụng hiện nay", balance.available()}, {"Đang giữ hiện nay", balance.reserved()},
          {"Đã chi (lũy kế)", balance.disbursed()}};
      for (int i = 0; i < amounts.length; i++) {
        Row line = overview.createRow(lines.length + i);
        set(line, 0, amounts[i][0]);
        set(line, 1, amounts[i][1]);
      }
      return bytes(book);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] decisionsWorkbook(String fundId) {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      Sheet sheet = book.createSheet("Quyết định hỗ trợ");
      header(sheet, DECISION_HEADER, boldStyle(book));
      int row = 1;
      for (FundingRequest request : ledger.requestsOfFund(fundId)) {
        Row line = sheet.createRow(row++);
        set(line, 0, request.id());
        set(line, 1, request.caseErased() ? "(hồ sơ đã xóa)" : caseFiles.get(request.caseId()).caseNumber());
        set(line, 2, request.amount());
        set(line, 3, request.hospital());
        set(line, 4, request.procedure());
        set(line, 5, request.requestedBy());
        set(line, 6, request.requestedAt().toString());
        set(line, 7, request.status().name());
        set(line, 8, request.decidedBy());
        set(line, 9, request.decidedAt() == null ? null : request.decidedAt().toString());
        set(line, 10, request.decisionReason());
        set(line, 11, request.actualCost());
      }
      return bytes(book);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void header(Sheet sheet, String[] titles, CellStyle bold) {
    Row row = sheet.createRow(0);
    for (int i = 0; i < titles.length; i++) {
      Cell cell = row.createCell(i);
      cell.setCellValue(titles[i]);
      cell.setCellStyle(bold);
    }
  }

  private static CellStyle boldStyle(XSSFWorkbook book) {
    Font font = book.createFont();
    font.setBold(true);
    CellStyle style = book.createCellStyle();
    style.setFont(font);
    return style;
  }

  private static void set(Row row, int column, Object value) {
    if (value == null) {
      return;
    }
    Cell cell = row.createCell(column);
    if (value instanceof Number number) {
      cell.setCellValue(number.doubleValue());
    } else {
      cell.setCellValue(String.valueOf(value));
    }
  }

  private static byte[] bytes(XSSFWorkbook book) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    book.write(out);
    return out.toByteArray();
  }
}
