package vn.nangbuoc.funding;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.fund.FundingRequest;
import vn.nangbuoc.fund.FundsReserved;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.PathwayEvents;
import vn.nangbuoc.system.EngineSystem;
import vn.nangbuoc.system.EngineTime;

/**
 * Moves a pathway that waited for money on to payment once a receipt reserves it, and records it with the case (the
 * approval now stands: reports count its amount from that day). Synchronous, in the receipt's transaction: the
 * fund's books, the case and the pathway move together or not at all.
 */
@Component
class ReservedFundsListener {

  private final RuntimeService runtimeService;
  private final EngineSystem system;
  private final CaseStepRecords records;

  ReservedFundsListener(RuntimeService runtimeService, EngineSystem system, CaseStepRecords records) {
    this.runtimeService = runtimeService;
    this.system = system;
    this.records = records;
  }

  @EventListener
  void on(FundsReserved reserved) {
    FundingRequest request = reserved.request();
    if (!request.caseErased()) {
      records.append(request.caseId(), PathwayEvents.STEP_FUNDS_RESERVED, null, null, EngineTime.now(),
          Map.of("requestId", request.id(), "amount", request.amount()));
    }
    system.run(() -> runtimeService.createMessageCorrelation(ChildPathway.MSG_FUNDS_RESERVED)
        .processInstanceId(reserved.request().processInstanceId()).correlate());
  }
}
