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

  static boolean needsReason(FundingDecision decision) {
    return decision == FundingDecision.REJECTED || decision == FundingDecision.RETURNED;
  }
}
