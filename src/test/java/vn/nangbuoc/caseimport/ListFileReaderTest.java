package vn.nangbuoc.caseimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.nangbuoc.input.InvalidInputException;

/** Reading an uploaded list: bounded in memory and time whatever the file, the same rows as before for real lists. */
class ListFileReaderTest {

  static final int MB = 1024 * 1024;

  private static byte[] bomb;

  /**
   * The file of the probe: a sheet of rows that inflates to 96 MB from about 1.1 MB, a ratio of
   * about 85:1, under POI's own limit of 100:1 (the whole workbook read took 279 s and ended in
   * OutOfMemoryError).
   */
  static synchronized byte[] bomb() {
    if (bomb == null) {
      bomb = HandMadeXlsx.withSheet(out -> {
        HandMadeXlsx.header(out);
        String filler = "x".repeat(1000);
        long written = 0;
        for (int row = 2; written < 96L * MB; row++) {
          String line = "<row r=\"" + row + "\">" + HandMadeXlsx.cell(0, row, filler + ListFiles.uniqueWord())
              + "</row>";
          HandMadeXlsx.write(out, line);
          written += line.length();
        }
        HandMadeXlsx.write(out, "</sheetData></worksheet>");
      });
    }
    return bomb;
  }

  /** The classes of POI and the zip reader loaded once, so that the timed reads time the file. */
  @BeforeAll
  static void warmUp() {
    ListFileReader.read("ds.xlsx", HandMadeXlsx.withSheet(out -> {
      HandMadeXlsx.header(out);
      HandMadeXlsx.children(out, 1);
      HandMadeXlsx.write(out, "</sheetData></worksheet>");
    }), 10);
  }

  @Test
  void shouldRefuseASheetThatWouldExpandPastTheLimitInWellUnderASecond() {
    byte[] bomb = bomb();
    assertThat(bomb.length).as("an ordinary upload, under the 5 MB limit").isBetween(MB / 2, 2 * MB);

    long start = System.nanoTime();
    assertThatThrownBy(() -> ListFileReader.read("danh-sach.xlsx", bomb, 20_000))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("khi giải nén lớn hơn 50 MB");
    long millis = (System.nanoTime() - start) / 1_000_000;

    System.out.printf("zip bomb of %d bytes (96 MB, ratio %d:1) refused in %d ms%n", bomb.length,
        96L * MB / bomb.length, millis);
    assertThat(millis).isLessThan(1000);
  }

  @Test
  void shouldRefuseAZipThatLiesAboutItsSizesWhileInflatingIt() {
    byte[] lying = HandMadeXlsx.lyingAboutTheSheet(bomb(), 1000);

    long start = System.nanoTime();
    assertThatThrownBy(() -> ListFileReader.read("danh-sach.xlsx", lying, 20_000))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("khi giải nén lớn hơn 50 MB");
    long millis = (System.nanoTime() - start) / 1_000_000;

    System.out.printf("zip bomb declaring 1000 bytes refused in %d ms%n", millis);
    assertThat(millis).as("inflates at most the limit, parses nothing").isLessThan(2000);
  }

  @Test
  void shouldStopReadingAnXlsxAtTheRowLimit() {
    // rows past the limit end in broken XML: a reader that parsed the whole sheet would call the file broken
    byte[] file = HandMadeXlsx.withSheet(out -> {
      HandMadeXlsx.header(out);
      HandMadeXlsx.children(out, 150);
      HandMadeXlsx.write(out, "<row r=\"200\"><c r=\"A200\" <<< not xml");
    });

    assertThatThrownBy(() -> ListFileReader.read("danh-sach.xlsx", file, 100))
        .isInstanceOf(InvalidInputException.class).hasMessage("Tệp có hơn 100 dòng: hãy chia thành nhiều tệp nhỏ hơn.");
    assertThat(ListFileReader.read("danh-sach.xlsx", HandMadeXlsx.withSheet(out -> {
      HandMadeXlsx.header(out);
      HandMadeXlsx.children(out, 100);
      HandMadeXlsx.write(out, "</sheetData></worksheet>");
    }), 100)).hasSize(100).first().satisfies(row -> assertThat(row.number()).isEqualTo(2));
  }

  @Test
  void shouldStopReadingACsvAtTheRowLimit() {
    EndlessCsv endless = new EndlessCsv(5_000);

    assertThatThrownBy(() -> CsvListReader.read(endless, 100))
        .isInstanceOf(InvalidInputException.class).hasMessage("Tệp có hơn 100 dòng: hãy chia thành nhiều tệp nhỏ hơn.");
    assertThat(endless.rowsHandedOut).isLessThan(5_000);
  }

  @Test
  void shouldRefuseACsvLineOfMillionsOfCellsWhileReadingIt() {
    String header = Arrays.stream(ImportColumn.values()).map(ImportColumn::header).collect(Collectors.joining(","));
    // 4 MB, under the file limit: a million empty cells in one record
    String csv = header + "\n" + ",".repeat(4_000_000) + "\n";

    assertThatThrownBy(() -> ListFileReader.read("ds.csv", csv.getBytes(StandardCharsets.UTF_8), 10))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("cột: không phải danh sách trẻ theo mẫu");
  }

  @Test
  void shouldReadCsvAsSpreadsheetsWriteIt() {
    String header = Arrays.stream(ImportColumn.values()).map(ImportColumn::header).collect(Collectors.joining(";"));
    String csv = "\uFEFF" + header + "\r\n"
        + "\"Nguyễn; Văn \"\"An\"\"\";01/01/2020;Nam;;;\"Thôn 1\nNgõ 2\";Mai Pha;;;;Sứt môi;Chị;Mẹ;\r\n"
        + "\r\n"
        + "Lê Thị \"Bé\" Hoa;02/02/2020;Nữ;;;\"Thôn\"3;Mai Pha;;;;Sứt môi;Chị;Mẹ;\n"
        + "Nguyên Văn Binh;03/03/2020;Nam;;;Thôn 4;Mai Pha;;;;Sứt môi;Chị;Mẹ\n";

    List<SourceRow> rows = ListFileReader.read("ds.csv", csv.getBytes(StandardCharsets.UTF_8), 10);

    assertThat(rows).extracting(SourceRow::number).containsExactly(2, 5, 6);
    assertThat(rows.get(0).cell(ImportColumn.FULL_NAME)).isEqualTo("Nguyễn; Văn \"An\"");
    assertThat(rows.get(0).cell(ImportColumn.ADDRESS)).isEqualTo("Thôn 1\nNgõ 2");
    assertThat(rows.get(1).cell(ImportColumn.FULL_NAME)).isEqualTo("Lê Thị \"Bé\" Hoa");
    assertThat(rows.get(1).cell(ImportColumn.ADDRESS)).isEqualTo("Thôn3");
    assertThat(rows.get(2).cell(ImportColumn.CAREGIVER_PHONE)).isNull();

    String tabs = header.replace(';', '\t')
        + "\nNguyễn Văn An\t01/01/2020\tNam\t\t\tThôn 1\tMai Pha\t\t\t\tSứt môi\tChị\tMẹ\n";
    assertThat(ListFileReader.read("ds.csv", tabs.getBytes(StandardCharsets.UTF_8), 10)).singleElement()
        .satisfies(row -> assertThat(row.cell(ImportColumn.FULL_NAME)).isEqualTo("Nguyễn Văn An"));
    byte[] withControl = (header + "\nAn\u0001;01/01/2020\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ListFileReader.read("ds.csv", withControl, 10))
        .hasMessageContaining("Chỉ nhận danh sách dạng .csv hoặc .xlsx");
    byte[] open = (header + "\nAn;01/01/2020\n\"Bình;02/02/2020\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ListFileReader.read("ds.csv", open, 10))
        .hasMessage("Tệp CSV bị lỗi: dấu ngoặc kép mở ở dòng 3 không được đóng.");
  }

  @Test
  void shouldReadXlsxCellsAsTheSpreadsheetShowsThem() throws IOException {
    byte[] file;
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("Danh sách");
      book.createSheet("Xã");
      Row header = sheet.createRow(0);
      for (ImportColumn column : ImportColumn.values()) {
        header.createCell(column.ordinal()).setCellValue(column.header());
      }
      Row row = sheet.createRow(3);
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
      row.createCell(ImportColumn.FULL_NAME.ordinal()).setCellValue("  Nguyễn Văn An ");
      row.createCell(ImportColumn.DATE_OF_BIRTH.ordinal()).setCellValue(LocalDate.of(2019, 3, 15));
      row.getCell(ImportColumn.DATE_OF_BIRTH.ordinal()).setCellStyle(date);
      row.createCell(ImportColumn.PERSONAL_ID.ordinal()).setCellValue(20219001234.0);
      row.createCell(ImportColumn.ADDRESS.ordinal()).setCellFormula("\"Thôn \"&\"Pò Mỏ\"");
      book.getCreationHelper().createFormulaEvaluator().evaluateAll();
      row.createCell(ImportColumn.ETHNICITY.ordinal()).setCellValue(true);
      row.createCell(ImportColumn.CAREGIVER_PHONE.ordinal()).setCellValue(912345678.0);
      book.write(out);
      file = out.toByteArray();
    }

    assertThat(ListFileReader.read("ds.xlsx", file, 10)).singleElement().satisfies(row -> {
      assertThat(row.number()).isEqualTo(4);
      assertThat(row.cell(ImportColumn.FULL_NAME)).isEqualTo("Nguyễn Văn An");
      assertThat(row.cell(ImportColumn.DATE_OF_BIRTH)).isEqualTo("15/03/2019");
      assertThat(row.cell(ImportColumn.PERSONAL_ID)).isEqualTo("20219001234");
      assertThat(row.cell(ImportColumn.ADDRESS)).isEqualTo("Thôn Pò Mỏ");
      assertThat(row.cell(ImportColumn.ETHNICITY)).isEqualTo("true");
      assertThat(row.cell(ImportColumn.CAREGIVER_PHONE)).isEqualTo("912345678");
      assertThat(row.cell(ImportColumn.SEX)).isNull();
    });
  }

  /** A CSV list without end: a reader that does not stop at the limit reaches the end of the test instead. */
  static final class EndlessCsv extends Reader {
    private final int failAfterRows;
    private String pending = Arrays.stream(ImportColumn.values()).map(ImportColumn::header)
        .collect(Collectors.joining(",")) + "\n";
    private int position;
    int rowsHandedOut;

    EndlessCsv(int failAfterRows) {
      this.failAfterRows = failAfterRows;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (position == pending.length()) {
        rowsHandedOut++;
        if (rowsHandedOut > failAfterRows) {
          throw new IllegalStateException("read past " + failAfterRows + " rows");
        }
        pending = "Hoàng Văn An,01/01/2020,Nam,Tày,,Thôn Khòn Chả,Mai Pha,,,,Sứt môi,Nông Thị Hạnh,Mẹ,\n";
        position = 0;
      }
      int count = Math.min(length, pending.length() - position);
      pending.getChars(position, position + count, buffer, offset);
      position += count;
      return count;
    }

    @Override
    public void close() {
    }
  }
}
