package vn.nangbuoc.routing;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.pathway.ChildPathway;

/**
 * What routing needs to know about a pathway's child, read from the case and its records, never from
 * process variables a completion could have overwritten: the commune the child lives in and the
 * amount in question (the approver tier follows it).
 */
@Component
class CaseRoutingFacts {

  record Facts(long caseId, String communeCode, Long estimatedCost) {
  }

  private final CaseFileService caseFiles;
  private final CaseStepRecords records;

  CaseRoutingFacts(CaseFileService caseFiles, CaseStepRecords records) {
    this.caseFiles = caseFiles;
    this.records = records;
  }

  Facts of(String processInstanceId) {
    return of(caseFiles.getByProcessInstance(processInstanceId));
  }

  /** The facts of the instance's child; empty when the instance is no child's pathway (a unit's report). */
  Optional<Facts> find(String processInstanceId) {
    return caseFiles.findByProcessInstance(processInstanceId).map(this::of);
  }

  private Facts of(CaseFile file) {
    // the amount now in question: the hospital's bill once settled, before that the referral's estimate
    Long cost = records.latest(file.id(), ChildPathway.TASK_SETTLE_COSTS)
        .map(settlement -> settlement.data().get("actualCost"))
        .or(() -> records.latest(file.id(), ChildPathway.TASK_PREPARE_REFERRAL)
            .map(referral -> referral.data().get("estimatedCost")))
        .map(amount -> ((Number) amount).longValue())
        .orElse(null);
    return new Facts(file.id(), file.communeCode(), cost);
  }
}
