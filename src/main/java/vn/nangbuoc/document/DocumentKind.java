package vn.nangbuoc.document;

/** What a document is, as the case page groups them. */
public enum DocumentKind {
  CONSENT("Giấy đồng ý của gia đình"),
  MEDICAL_REPORT("Kết quả khám, giấy tờ y tế"),
  PHOTO("Ảnh"),
  OTHER("Tài liệu khác");

  private final String label;

  DocumentKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
