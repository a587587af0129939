package vn.nangbuoc.fund;

import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money into a fund. In the same transaction the requests waiting in line get their reservations and their
 * pathways move on to payment ({@link FundsReserved}, answered at once by the pathway's side): the receipt and
 * its effects commit together or not at all.
 */
@Service
public class FundReceipts {

  private final FundLedger ledger;
  private final ApplicationEventPublisher events;

  FundReceipts(FundLedger ledger, ApplicationEventPublisher events) {
    this.ledger = ledger;
    this.events = events;
  }

  @Transactional
  public List<FundingRequest> receive(String fundId, ReceiptKind kind, long amount, String donor, String earmark,
      LocalDate date, String user) {
    List<FundingRequest> served = ledger.receive(fundId, kind, amount, donor, earmark, date, user);
    served.forEach(request -> events.publishEvent(new FundsReserved(request)));
    return served;
  }
}
