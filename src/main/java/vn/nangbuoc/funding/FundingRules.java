package vn.nangbuoc.funding;

import vn.nangbuoc.fund.FundingRequest;
import vn.nangbuoc.input.InvalidInputException;

/** Rules of funding decisions, apart from the engine so that plain unit tests reach them. */
final class FundingRules {

  private FundingRules() {
  }

  /** Four eyes: whoever asked for the money does not decide on it. */
  static void requireNotRequester(FundingRequest request, String approver) {
    if (request.requestedBy().equals(approver)) {
      throw new InvalidInputException("Người lập hồ sơ chuyển viện không được tự phê duyệt kinh phí cho hồ sơ đó."
          + " Một lãnh đạo khác cần phê duyệt.");
    }
  }

  /**
   * Four eyes on a funding decision, with the one way out that spends nothing: the person who asked may always take
   * the request back for revision ("Trả lại"), so that a colleague prepares it again when the approval came back to
   * the one who prepared it and nobody else could decide.
   */
  static void requireNotRequester(FundingRequest request, String approver, FundingDecision decision) {
    if (decision != FundingDecision.RETURNED && request.requestedBy().equals(approver)) {
      throw new InvalidInputException("Người lập hồ sơ chuyển viện không được tự phê duyệt kinh phí cho hồ sơ đó."
          + " Một lãnh đạo khác cần phê duyệt, hoặc chọn \"Trả lại\" để cán bộ khác lập lại đề nghị.");
    }
  }

  static boolean needsReason(FundingDecision decision) {
    return decision == FundingDecision.REJECTED || decision == FundingDecision.RETURNED;
  }
}
