package vn.nangbuoc.document;

import java.util.Optional;
import vn.nangbuoc.input.InvalidInputException;

/**
 * The kinds of file a case accepts, recognised by their first bytes, never by the name alone: a
 * program renamed "anh.jpg" is refused. A PDF that would run script or launch a program when opened
 * is refused too, by its structure ({@link PdfCheck}): these files are opened on the offices' computers.
 */
public enum DocumentType {
  PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
  PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
  JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

  private final String contentType;
  private final String extension;
  private final byte[] magic;

  DocumentType(String contentType, String extension, byte[] magic) {
    this.contentType = contentType;
    this.extension = extension;
    this.magic = magic;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  static Optional<DocumentType> of(byte[] content) {
    for (DocumentType type : values()) {
      if (content.length >= type.magic.length && startsWith(content, type.magic)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The type of an upload, or a Vietnamese refusal. */
  static DocumentType checked(byte[] content) {
    DocumentType type = of(content).orElseThrow(() -> new InvalidInputException(
        "Chỉ nhận tài liệu PDF, ảnh JPG hoặc PNG: nội dung tệp đã gửi không phải các loại đó."));
    if (type == PDF) {
      PdfCheck.check(content);
    }
    return type;
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
