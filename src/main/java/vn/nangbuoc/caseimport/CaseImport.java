package vn.nangbuoc.caseimport;

import java.time.Instant;

/** An uploaded list: previewed, then confirmed or cancelled (or expired unconfirmed). */
public record CaseImport(long id, String fileName, String sha256, String uploadedBy, Instant uploadedAt, int rowCount,
    Status status, Instant decidedAt, Integer createdCount) {

  public enum Status {
    PREVIEWED("Chờ xác nhận"), CONFIRMED("Đã nhập"), CANCELLED("Đã hủy"), EXPIRED("Hết hạn, chưa nhập");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
