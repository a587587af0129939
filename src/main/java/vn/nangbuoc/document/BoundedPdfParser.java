package vn.nangbuoc.document;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFParser;

/**
 * PDFBox's parser with a bound on the streams it decodes into memory itself: the cross-reference and
 * object streams, which it inflates whole when it reads them (a few kilobytes can inflate to
 * gigabytes). Each such stream is inflated once here, counting, before PDFBox may decode it. Other
 * streams (pages, images) are never decoded by the check. Used strictly (not lenient), so that no
 * repair search reads what the cross-reference table does not list.
 */
final class BoundedPdfParser extends PDFParser {

  /** More than this, decoded, of cross-reference and object streams is not a document of a case. */
  static final long MAX_STRUCTURE = 32L * 1024 * 1024;

  private long decoded;
  private IOException failure;

  BoundedPdfParser(byte[] content) throws IOException {
    super(new RandomAccessReadBuffer(content), "", null, null, IOUtils.createTempFileOnlyStreamCache());
  }

  /** Thrown when the structure would expand past the bound. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("structure streams expand past " + MAX_STRUCTURE + " bytes");
    }
  }

  /** Thrown for a structure stream written in a way the bound cannot follow. */
  static final class Unsupported extends IOException {
    Unsupported() {
      super("structure stream with filters other than one FlateDecode");
    }
  }

  /**
   * The first object that could not be read, if any. PDFBox logs and drops an object it fails to
   * read: what a viewer might still show must not pass the check because it was skipped.
   */
  IOException failure() {
    return failure;
  }

  @Override
  public COSBase dereferenceCOSObject(COSObject object) throws IOException {
    try {
      return super.dereferenceCOSObject(object);
    } catch (IOException e) {
      if (failure == null) {
        failure = e;
      }
      throw e;
    }
  }

  /** An encrypted object stream cannot be measured before it is decrypted; encrypted files are refused anyway. */
  static final class Encrypted extends IOException {
    Encrypted() {
      super("encrypted structure stream");
    }
  }

  @Override
  protected COSStream parseCOSStream(COSDictionary dictionary) throws IOException {
    COSStream stream = super.parseCOSStream(dictionary);
    if (isStructure(dictionary)) {
      try {
        count(stream);
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        }
        throw e;
      }
    }
    return stream;
  }

  /** What PDFBox would decode whole: a stream that is, or could be read as, a cross-reference or object stream. */
  private static boolean isStructure(COSDictionary dictionary) {
    COSBase type = dictionary.getItem(COSName.TYPE);
    return !(type == null || type instanceof COSName) || COSName.OBJ_STM.equals(type) || COSName.XREF.equals(type)
        || dictionary.containsKey(COSName.N) || dictionary.containsKey(COSName.FIRST)
        || dictionary.containsKey(COSName.W);
  }

  private void count(COSStream stream) throws IOException {
    if (securityHandler != null) {
      throw new Encrypted();
    }
    COSBase filters = stream.getItem(COSName.FILTER);
    if (filters instanceof COSArray array && array.size() == 1) {
      filters = array.get(0);
    }
    if (filters == null) {
      return;
    }
    if (!COSName.FLATE_DECODE.equals(filters) && !COSName.FLATE_DECODE_ABBREVIATION.equals(filters)) {
      throw new Unsupported();
    }
    Inflater inflater = new Inflater();
    byte[] in = new byte[16 * 1024];
    byte[] out = new byte[64 * 1024];
    try (InputStream raw = stream.createRawInputStream()) {
      int read;
      while (!inflater.finished() && (read = raw.read(in)) > 0) {
        inflater.setInput(in, 0, read);
        while (!inflater.needsInput() && !inflater.finished()) {
          int inflated = inflater.inflate(out);
          if (inflated == 0 && inflater.needsDictionary()) {
            throw new Unsupported();
          }
          decoded += inflated;
          if (decoded > MAX_STRUCTURE) {
            throw new TooLarge();
          }
        }
      }
    } catch (DataFormatException broken) {
      throw new Unsupported();
    } finally {
      inflater.end();
    }
  }
}
