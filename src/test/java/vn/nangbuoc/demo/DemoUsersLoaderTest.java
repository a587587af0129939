package vn.nangbuoc.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.fund.Fund;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.fund.LedgerEntry;
import vn.nangbuoc.fund.ReceiptKind;

@NangBuocSpringTest
class DemoUsersLoaderTest {

  @Autowired
  DemoUsersLoader loader;
  @Autowired
  FundBooks ledger;

  @Test
  void shouldGiveEveryFundItsOpeningBudgetOnceAcrossRestarts() throws Exception {
    List<Fund> funds = ledger.funds();
    assertThat(funds).isNotEmpty();
    for (Fund fund : funds) {
      assertThat(ledger.hasEntries(fund.id())).isTrue();
      assertThat(openingBudgets(fund)).hasSize(1);
    }

    loader.run(null); // as at the next start of the demo

    for (Fund fund : funds) {
      assertThat(openingBudgets(fund)).as(fund.id()).hasSize(1);
    }
  }

  private List<LedgerEntry> openingBudgets(Fund fund) {
    return ledger.entries(fund.id(), LocalDate.of(1900, 1, 1), LocalDate.of(2999, 12, 31)).stream()
        .filter(entry -> entry.receiptKind() == ReceiptKind.BUDGET && "quantri".equals(entry.recordedBy())
            && entry.amount() == DemoUsersLoader.OPENING_BUDGET)
        .toList();
  }
}
