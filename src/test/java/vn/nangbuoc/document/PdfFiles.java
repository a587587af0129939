package vn.nangbuoc.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/** PDFs for the document tests: made with PDFBox, or written by hand for what PDFBox would not write. */
final class PdfFiles {

  private PdfFiles() {
  }

  /**
   * A medical report as offices make them: two pages of compressed text, a bookmark and a link to
   * the second page (moving inside the document is no action that runs or opens something).
   */
  static byte[] plain() {
    return made(document -> {
      PDPage first = new PDPage();
      PDPage second = new PDPage();
      document.addPage(first);
      document.addPage(second);
      try (PDPageContentStream text = new PDPageContentStream(document, first)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(72, 700);
        text.showText("Ket qua kham: phau thuat thanh cong");
        text.endText();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      PDPageFitDestination toSecond = new PDPageFitDestination();
      toSecond.setPage(second);
      PDActionGoTo goTo = new PDActionGoTo();
      goTo.setDestination(toSecond);
      PDAnnotationLink link = new PDAnnotationLink();
      link.setAction(goTo);
      try {
        first.getAnnotations().add(link);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      PDDocumentOutline outline = new PDDocumentOutline();
      PDOutlineItem bookmark = new PDOutlineItem();
      bookmark.setTitle("Trang 2");
      bookmark.setDestination(toSecond);
      outline.addLast(bookmark);
      document.getDocumentCatalog().setDocumentOutline(outline);
    }, CompressParameters.DEFAULT_COMPRESSION);
  }

  /** A one-page PDF changed by {@code change}, saved with or without object streams. */
  static byte[] made(Consumer<PDDocument> change, CompressParameters compression) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (document.getNumberOfPages() == 0) {
        document.addPage(new PDPage());
      }
      change.accept(document);
      document.save(out, compression);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A PDF written by hand, object by object ("<< /Type /Catalog ... >>" is object 1), with a correct
   * cross-reference table: names may be spelled as a viewer reads them but a text search does not.
   */
  static byte[] handWritten(List<String> objects) {
    StringBuilder pdf = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
    long[] offsets = new long[objects.size()];
    for (int i = 0; i < objects.size(); i++) {
      offsets[i] = pdf.length();
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    long xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    for (long offset : offsets) {
      pdf.append(String.format("%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A catalog (object 1) with a page tree (2) and a page (3), the catalog given {@code catalogEntries}. */
  static byte[] handWrittenWithCatalog(String catalogEntries, String... moreObjects) {
    List<String> objects = new java.util.ArrayList<>(List.of(
        "<< /Type /Catalog /Pages 2 0 R " + catalogEntries + " >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"));
    objects.addAll(List.of(moreObjects));
    return handWritten(objects);
  }

  /**
   * A PDF whose cross-reference stream inflates to {@code megabytes} MB: a few kilobytes that
   * PDFBox would inflate whole into memory while opening the file.
   */
  static byte[] structureBomb(int megabytes) {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    write(pdf, "%PDF-1.7\n");
    long catalog = pdf.size();
    write(pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    long pages = pdf.size();
    write(pdf, "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
    long xref = pdf.size();
    ByteArrayOutputStream entries = new ByteArrayOutputStream();
    entries.writeBytes(new byte[] {0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF});
    entries.writeBytes(entry(catalog));
    entries.writeBytes(entry(pages));
    entries.writeBytes(entry(xref));
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    deflater.setInput(entries.toByteArray());
    byte[] zeros = new byte[1024 * 1024];
    for (int i = 0; i <= megabytes; i++) {
      drain(deflater, compressed, buffer);
      deflater.setInput(zeros);
    }
    deflater.finish();
    while (!deflater.finished()) {
      compressed.write(buffer, 0, deflater.deflate(buffer));
    }
    write(pdf, "3 0 obj\n<< /Type /XRef /Size 4 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length "
        + compressed.size() + " >>\nstream\n");
    pdf.writeBytes(compressed.toByteArray());
    write(pdf, "\nendstream\nendobj\nstartxref\n" + xref + "\n%%EOF\n");
    return pdf.toByteArray();
  }

  private static void drain(Deflater deflater, ByteArrayOutputStream out, byte[] buffer) {
    while (!deflater.needsInput()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
  }

  private static byte[] entry(long offset) {
    return new byte[] {1, (byte) (offset >> 24), (byte) (offset >> 16), (byte) (offset >> 8), (byte) offset, 0, 0};
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
