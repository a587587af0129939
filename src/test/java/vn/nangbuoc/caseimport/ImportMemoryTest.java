package vn.nangbuoc.caseimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.function.Supplier;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Memory of one import, printed for the notes (not asserted: the figures depend on the JVM): bytes
 * the reading thread allocated, the peak of the heap while reading, and what the rows read keep.
 */
class ImportMemoryTest {

  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void shouldPrintTheMemoryOfOneImportOfTheWorstFiles() throws Exception {
    ListFiles twentyThousand = new ListFiles();
    for (int i = 0; i < 20_000; i++) {
      twentyThousand.add(ListFiles.child(true));
    }
    byte[] xlsx = twentyThousand.xlsx();
    byte[] csv = twentyThousand.csv();
    byte[] bomb = ListFileReaderTest.bomb();
    byte[] lying = HandMadeXlsx.lyingAboutTheSheet(bomb, 1000);

    measure("zip bomb, 96 MB declared (" + bomb.length / 1024 + " KB)", () -> refused("bomb.xlsx", bomb));
    measure("zip bomb, sizes lying (" + lying.length / 1024 + " KB)", () -> refused("bomb.xlsx", lying));
    List<?> fromXlsx = measure("20,000 rows XLSX (" + xlsx.length / 1024 + " KB)",
        () -> ListFileReader.read("ds.xlsx", xlsx, 20_000));
    List<?> fromCsv = measure("20,000 rows CSV (" + csv.length / 1024 + " KB)",
        () -> ListFileReader.read("ds.csv", csv, 20_000));
    measure("20,000 rows XLSX, whole workbook as before (XSSFWorkbook)", () -> {
      try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
        return List.of(book.getSheetAt(0).getLastRowNum());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    assertThat(fromXlsx).hasSize(20_000);
    assertThat(fromCsv).hasSize(20_000);
  }

  private static List<?> refused(String name, byte[] content) {
    assertThatThrownBy(() -> ListFileReader.read(name, content, 20_000)).hasMessageContaining("khi giải nén");
    return List.of();
  }

  private static <T> T measure(String what, Supplier<T> read) {
    System.gc();
    long retainedBefore = heapUsed();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();
    T result = read.get();
    long millis = (System.nanoTime() - start) / 1_000_000;
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
    long peak = heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    System.gc();
    long retained = heapUsed() - retainedBefore;
    System.out.printf("import memory | %s: %d ms, allocated %d MB, heap peak %d MB (before %d MB),"
        + " kept after reading %d MB%n", what, millis, allocated >> 20, peak >> 20, retainedBefore >> 20,
        Math.max(0, retained) >> 20);
    return result;
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
        .toList();
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
