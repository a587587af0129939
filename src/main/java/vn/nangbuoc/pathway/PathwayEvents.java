package vn.nangbuoc.pathway;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStatus;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.engine.EngineTime;
import vn.nangbuoc.input.InvalidInputException;

/**
 * What happens to a child outside any task: the family withdraws, the child moves. The reason is
 * recorded with the case; the pathway learns of it through its message events.
 */
@Service
public class PathwayEvents {

  public static final String STEP_WITHDRAWAL = "Withdrawal";
  public static final String STEP_MOVE = "Move";

  private final CaseFileService caseFiles;
  private final CaseStepRecords records;
  private final RuntimeService runtimeService;

  PathwayEvents(CaseFileService caseFiles, CaseStepRecords records, RuntimeService runtimeService) {
    this.caseFiles = caseFiles;
    this.records = records;
    this.runtimeService = runtimeService;
  }

  @Transactional
  public void familyWithdrew(long caseId, String reason, String userId) {
    CaseFile file = activeCase(caseId);
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("Hãy ghi lý do gia đình rút khỏi chương trình.");
    }
    records.append(caseId, STEP_WITHDRAWAL, null, userId, EngineTime.now(), Map.of("reason", reason.strip()));
    runtimeService.createMessageCorrelation(ChildPathway.MSG_FAMILY_WITHDREW)
        .processInstanceId(file.processInstanceId()).correlate();
  }

  @Transactional
  public void childMoved(long caseId, String communeCode, String userId) {
    CaseFile file = activeCase(caseId);
    caseFiles.moveTo(caseId, communeCode);
    records.append(caseId, STEP_MOVE, null, userId, EngineTime.now(),
        Map.of("from", file.communeCode(), "to", communeCode));
    runtimeService.createMessageCorrelation(ChildPathway.MSG_CHILD_MOVED)
        .processInstanceId(file.processInstanceId()).correlate();
  }

  private CaseFile activeCase(long caseId) {
    CaseFile file = caseFiles.get(caseId);
    if (file.status() == CaseStatus.CLOSED || file.processInstanceId() == null) {
      throw new InvalidInputException("Hồ sơ " + file.caseNumber() + " đã đóng.");
    }
    return file;
  }
}
