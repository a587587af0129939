package vn.nangbuoc.reorganisation;

import org.springframework.stereotype.Component;
import vn.nangbuoc.fund.FundTransfers;
import vn.nangbuoc.system.EngineTime;

/**
 * Moves an ended fund's money to its successor's fund, as ledger entries on both sides: available money,
 * money reserved with its requests, and the requests waiting in line, in their order. Once per fund and
 * reorganisation: the reference makes a second call change nothing.
 */
@Component
class FundHandOver {

  private final FundTransfers transfers;

  FundHandOver(FundTransfers transfers) {
    this.transfers = transfers;
  }

  void transfer(Preview.FundMove move, String reference, String user) {
    transfers.transferAll(move.fromFund(), move.toFund(), reference, user, EngineTime.today());
  }
}
