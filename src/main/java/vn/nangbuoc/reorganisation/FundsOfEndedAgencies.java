package vn.nangbuoc.reorganisation;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.nangbuoc.fund.Balance;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.organisation.Capability;
import vn.nangbuoc.organisation.OrganisationChanges;
import vn.nangbuoc.reorganisation.Preview.FundMove;

/**
 * A fund whose agency ended hands its money to its successor's fund: exactly one successor must be a fund,
 * or the money would have nowhere to go.
 */
@Component
class FundsOfEndedAgencies {

  private final OrganisationChanges changes;
  private final FundBooks books;

  FundsOfEndedAgencies(OrganisationChanges changes, FundBooks books) {
    this.changes = changes;
    this.books = books;
  }

  /** The transfers to make; a fund without exactly one successor fund is a problem. */
  List<FundMove> moves(StructuralChange.Outcome outcome, List<String> problems) {
    List<FundMove> moves = new ArrayList<>();
    outcome.endedAgencies().forEach((agency, successors) -> {
      if (!changes.has(agency, Capability.HOLD_FUND)) {
        return;
      }
      List<String> successorFunds = successors.stream().filter(s -> changes.has(s, Capability.HOLD_FUND)).toList();
      if (successorFunds.size() != 1) {
        problems.add("Quỹ " + agency + " kết thúc: cần đúng một quỹ kế thừa (successors) để chuyển số dư, đang có "
            + successorFunds.size() + ".");
        return;
      }
      Balance balance = books.balance(agency);
      moves.add(new FundMove(agency, successorFunds.get(0), balance.available(), balance.reserved()));
    });
    return moves;
  }
}
