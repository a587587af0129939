package vn.nangbuoc.fund;

import vn.nangbuoc.input.InvalidInputException;

/**
 * Length limits of the fund's free text, checked where the books are written whatever the channel
 * (API, page, task, batch): a text longer than its column would otherwise end in a database error,
 * and a very long one would swell every page and export that shows the ledger.
 */
final class FundText {

  /** Hospital, donor, earmark: the columns' 300. */
  static final int SHORT = 300;
  /** A payee is one of the {@code Payee} names. */
  static final int PAYEE = 16;
  static final int VOUCHER = 60;
  static final int PROCEDURE = 1000;
  static final int FINDING = 4000;
  /** A decision's reason; the ledger's reason column holds it with its short prefix. */
  static final int REASON = 2000;
  /** A correction's reason and a rejection's (the columns of fund_correction). */
  static final int CORRECTION_REASON = 1000;

  private FundText() {
  }

  /** Refuses a text over {@code max} characters; an absent text is for the caller to refuse. */
  static void limit(String value, String label, int max) {
    if (value != null && value.length() > max) {
      throw new InvalidInputException(Character.toUpperCase(label.charAt(0)) + label.substring(1) + " dài quá " + max
          + " ký tự.");
    }
  }
}
