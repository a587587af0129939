package vn.nangbuoc.caseimport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import vn.nangbuoc.input.InvalidInputException;

/**
 * The zip inside an XLSX, read from memory with a bound on what it may expand to. A few kilobytes
 * of zip can inflate to gigabytes (the sheet of a 1.1 MB file expanded to 96 MB and stopped the
 * server), and the sizes a zip declares can lie: the declared sizes are checked first, then every
 * entry is inflated once into nothing, counting, before anything parses it; the count runs again
 * while the sheet is parsed.
 */
final class BoundedZip implements ZipEntrySource {

  /** A spreadsheet has a dozen parts; thousands are a crafted file. */
  static final int MAX_ENTRIES = 1000;

  private final ZipFile zip;
  private final List<ZipArchiveEntry> entries;
  private final long maxExpanded;
  private long expanded;
  private boolean closed;

  private BoundedZip(ZipFile zip, List<ZipArchiveEntry> entries, long maxExpanded) {
    this.zip = zip;
    this.entries = entries;
    this.maxExpanded = maxExpanded;
  }

  /** Opens the zip, or refuses it (Vietnamese) when it would expand past {@code maxExpanded} bytes. */
  static BoundedZip open(byte[] content, long maxExpanded) throws IOException {
    ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get();
    try {
      List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
      if (entries.size() > MAX_ENTRIES) {
        throw tooLarge(maxExpanded);
      }
      long declared = 0;
      for (ZipArchiveEntry entry : entries) {
        declared += Math.max(0, entry.getSize());
        if (declared > maxExpanded) {
          throw tooLarge(maxExpanded);
        }
      }
      BoundedZip bounded = new BoundedZip(zip, entries, maxExpanded);
      bounded.inflateAllOnce();
      bounded.expanded = 0;
      return bounded;
    } catch (IOException | RuntimeException e) {
      zip.close();
      throw e;
    }
  }

  static InvalidInputException tooLarge(long maxExpanded) {
    return new InvalidInputException("Tệp Excel khi giải nén lớn hơn " + (maxExpanded / (1024 * 1024))
        + " MB, quá lớn cho một danh sách: hãy chia danh sách thành nhiều tệp, hoặc lưu lại dưới dạng .csv.");
  }

  private void inflateAllOnce() throws IOException {
    byte[] sink = new byte[64 * 1024];
    for (ZipArchiveEntry entry : entries) {
      try (InputStream in = getInputStream(entry)) {
        while (in.read(sink) >= 0) {
          // counted by the stream
        }
      }
    }
  }

  @Override
  public Enumeration<? extends ZipArchiveEntry> getEntries() {
    return Collections.enumeration(entries);
  }

  @Override
  public ZipArchiveEntry getEntry(String path) {
    String name = path.replace('\\', '/');
    return entries.stream().filter(entry -> entry.getName().equals(name)).findFirst()
        .or(() -> entries.stream().filter(entry -> entry.getName().equalsIgnoreCase(name)).findFirst()).orElse(null);
  }

  @Override
  public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
    return new Counting(zip.getInputStream(entry));
  }

  @Override
  public void close() throws IOException {
    closed = true;
    zip.close();
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  /** Counts every byte inflated from any entry against the one bound of the file. */
  private final class Counting extends FilterInputStream {

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      if (read > 0) {
        count(read);
      }
      return read;
    }

    @Override
    public long skip(long bytes) throws IOException {
      long skipped = super.skip(bytes);
      count(skipped);
      return skipped;
    }

    private void count(long bytes) {
      expanded += bytes;
      if (expanded > maxExpanded) {
        throw tooLarge(maxExpanded);
      }
    }
  }
}
