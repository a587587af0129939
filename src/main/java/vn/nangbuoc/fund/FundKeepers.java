package vn.nangbuoc.fund;

import org.springframework.stereotype.Component;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.security.Roles;

/**
 * Who writes in a fund's books: the staff who keep books in the fund's own unit. Receipts, proposed
 * corrections and their confirmation or refusal all go through here, by the fund the row belongs to,
 * so that no finance officer writes in another unit's fund (and four eyes means two of its keepers).
 */
@Component
class FundKeepers {

  private final FundBooks books;
  private final FundCorrections corrections;
  private final FundRepository ledger;
  private final Roles roles;

  FundKeepers(FundBooks books, FundCorrections corrections, FundRepository ledger, Roles roles) {
    this.books = books;
    this.corrections = corrections;
    this.ledger = ledger;
    this.roles = roles;
  }

  void requireKeeperOfFund(String fundId, String userId, String action) {
    roles.requireFinanceOf(fund(fundId).unitCode(), userId, action);
  }

  void requireKeeperOfEntry(long entryId, String userId, String action) {
    LedgerEntry entry = ledger.entry(entryId)
        .orElseThrow(() -> new NotFoundException("Không có bút toán số " + entryId + "."));
    requireKeeperOfFund(entry.fundId(), userId, action);
  }

  /** The proposal, once the user is found to keep the books of its fund. */
  Correction requireKeeperOfCorrection(long correctionId, String userId, String action) {
    Correction proposal = corrections.correction(correctionId);
    requireKeeperOfFund(proposal.fundId(), userId, action);
    return proposal;
  }

  boolean isKeeperOfFund(String fundId, String userId) {
    return roles.isFinanceOf(fund(fundId).unitCode(), userId);
  }

  private Fund fund(String fundId) {
    return books.fund(fundId)
        .orElseThrow(() -> new NotFoundException("Không có quỹ này: hãy chọn một quỹ trong danh sách."));
  }
}
