package vn.nangbuoc.reorganisation;

import org.springframework.stereotype.Component;

/** Moves an ended fund's money to its successor's fund, as ledger entries on both sides. */
@Component
class FundHandOver {

  void transfer(Preview.FundMove move, String reference, String user) {
    // TEMP
  }
}
