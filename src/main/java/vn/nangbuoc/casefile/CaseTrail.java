package vn.nangbuoc.casefile;

import java.time.LocalDate;

/**
 * What happened in a case, as an auditor or a manager searches for it; every criterion is optional. The funding
 * criteria (approver, amount, decision date) hold for one and the same approval.
 *
 * @param stepReached the query's step also matches cases that passed it (a record of the step), not only those
 *     waiting on it
 * @param approvedBy the login of the manager who approved the funding
 * @param amountFrom least approved amount in đồng, inclusive
 * @param amountTo greatest approved amount in đồng, inclusive
 * @param dates which date {@code from} and {@code to} (both inclusive, Vietnamese days) bound
 * @param closureOutcome the code of why the case closed
 */
public record CaseTrail(boolean stepReached, String approvedBy, Long amountFrom, Long amountTo, DateKind dates,
    LocalDate from, LocalDate to, String closureOutcome) {

  public static final CaseTrail NONE = new CaseTrail(false, null, null, null, null, null, null, null);

  /** The dates a search can bound. */
  public enum DateKind {
    LISTED("Ngày lập danh sách"),
    FUNDING_DECIDED("Ngày phê duyệt kinh phí"),
    CLOSED("Ngày đóng hồ sơ");

    private final String label;

    DateKind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  boolean bindsFunding() {
    return present(approvedBy) || amountFrom != null || amountTo != null || bindsDates(DateKind.FUNDING_DECIDED);
  }

  boolean bindsDates(DateKind kind) {
    return (dates == null ? DateKind.LISTED : dates) == kind && (from != null || to != null);
  }

  static boolean present(String text) {
    return text != null && !text.isBlank();
  }
}
