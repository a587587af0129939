package vn.nangbuoc.funding;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.fund.FundsReserved;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.system.EngineSystem;

/**
 * Moves a pathway that waited for money on to payment once a receipt reserves it. Synchronous, in the receipt's
 * transaction: the fund's books and the pathway move together or not at all.
 */
@Component
class ReservedFundsListener {

  private final RuntimeService runtimeService;
  private final EngineSystem system;

  ReservedFundsListener(RuntimeService runtimeService, EngineSystem system) {
    this.runtimeService = runtimeService;
    this.system = system;
  }

  @EventListener
  void on(FundsReserved reserved) {
    system.run(() -> runtimeService.createMessageCorrelation(ChildPathway.MSG_FUNDS_RESERVED)
        .processInstanceId(reserved.request().processInstanceId()).correlate());
  }
}
