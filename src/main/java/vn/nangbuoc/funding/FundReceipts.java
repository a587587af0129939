package vn.nangbuoc.funding;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.engine.EngineSystem;
import vn.nangbuoc.fund.FundLedger;
import vn.nangbuoc.fund.FundingRequest;
import vn.nangbuoc.fund.ReceiptKind;
import vn.nangbuoc.pathway.ChildPathway;

/**
 * Money into a fund. In the same transaction the requests waiting in line get their reservations
 * and their pathways move on to payment: the receipt and its effects commit together or not at all.
 */
@Service
public class FundReceipts {

  private final FundLedger ledger;
  private final RuntimeService runtimeService;
  private final EngineSystem system;

  FundReceipts(FundLedger ledger, RuntimeService runtimeService, EngineSystem system) {
    this.ledger = ledger;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  @Transactional
  public List<FundingRequest> receive(String fundId, ReceiptKind kind, long amount, String donor, String earmark,
      LocalDate date, String user) {
    List<FundingRequest> served = ledger.receive(fundId, kind, amount, donor, earmark, date, user);
    for (FundingRequest request : served) {
      system.run(() -> runtimeService.createMessageCorrelation(ChildPathway.MSG_FUNDS_RESERVED)
          .processInstanceId(request.processInstanceId()).correlate());
    }
    return served;
  }
}
