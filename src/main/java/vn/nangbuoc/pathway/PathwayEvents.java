package vn.nangbuoc.pathway;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStatus;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.security.CaseAuthorizations;
import vn.nangbuoc.system.EngineSystem;
import vn.nangbuoc.system.EngineTime;

/**
 * What happens to a child outside any task: the family withdraws, the child moves. The reason is
 * recorded with the case; the pathway learns of it through its message events.
 */
@Service
public class PathwayEvents {

  public static final String STEP_WITHDRAWAL = "Withdrawal";
  public static final String STEP_MOVE = "Move";
  /** A reorganisation carried the case to the unit that took its commune over (reorganisation package). */
  public static final String STEP_REORGANISATION = "Reorganisation";
  /** A receipt reserved the money of a request approved while the fund was short (funding package). */
  public static final String STEP_FUNDS_RESERVED = "FundsReserved";

  private final CaseFileService caseFiles;
  private final CaseStepRecords records;
  private final RuntimeService runtimeService;
  private final CaseAuthorizations caseAuthorizations;
  private final EngineSystem system;

  PathwayEvents(CaseFileService caseFiles, CaseStepRecords records, RuntimeService runtimeService,
      CaseAuthorizations caseAuthorizations, EngineSystem system) {
    this.caseFiles = caseFiles;
    this.records = records;
    this.runtimeService = runtimeService;
    this.caseAuthorizations = caseAuthorizations;
    this.system = system;
  }

  @Transactional
  public void familyWithdrew(long caseId, String reason, String userId) {
    CaseFile file = activeCase(caseId);
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("Hãy ghi lý do gia đình rút khỏi chương trình.");
    }
    records.append(caseId, STEP_WITHDRAWAL, null, userId, EngineTime.now(), Map.of("reason", reason.strip()));
    system.run(() -> runtimeService.createMessageCorrelation(ChildPathway.MSG_FAMILY_WITHDREW)
        .processInstanceId(file.processInstanceId()).correlate());
  }

  @Transactional
  public void childMoved(long caseId, String communeCode, String userId) {
    CaseFile file = activeCase(caseId);
    caseFiles.moveTo(caseId, communeCode);
    records.append(caseId, STEP_MOVE, null, userId, EngineTime.now(),
        Map.of("from", file.communeCode(), "to", communeCode));
    caseAuthorizations.move(file.processInstanceId(), file.communeCode(), communeCode);
    system.run(() -> runtimeService.createMessageCorrelation(ChildPathway.MSG_CHILD_MOVED)
        .processInstanceId(file.processInstanceId()).correlate());
  }

  private CaseFile activeCase(long caseId) {
    CaseFile file = caseFiles.get(caseId);
    if (file.status() == CaseStatus.CLOSED || file.processInstanceId() == null) {
      throw new InvalidInputException("Hồ sơ " + file.caseNumber() + " đã đóng.");
    }
    return file;
  }
}
