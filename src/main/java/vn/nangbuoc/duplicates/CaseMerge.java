package vn.nangbuoc.duplicates;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.casefile.CaseDataEraser;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.fund.RequestStatus;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.system.EngineSystem;

/**
 * Decides a likely duplicate: merge (one child listed twice) or keep apart (two children). A merge
 * keeps both case files and both histories; the merged one stops its pathway (its history stays in
 * the engine) and points at the kept one, which shows both. Money in flight for the merged case
 * stops a merge: the fund's request would lose its pathway.
 */
@Service
@Order(5)
public class CaseMerge implements CaseDataEraser {

  private static final Set<RequestStatus> IN_FLIGHT = Set.of(RequestStatus.PENDING, RequestStatus.WAITING,
      RequestStatus.APPROVED);

  private final LikelyDuplicates duplicates;
  private final CaseFileService caseFiles;
  private final OrganisationDirectory organisation;
  private final FundBooks ledger;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final EngineSystem system;

  CaseMerge(LikelyDuplicates duplicates, CaseFileService caseFiles, OrganisationDirectory organisation,
      FundBooks ledger, RuntimeService runtime, TaskService tasks, EngineSystem system) {
    this.duplicates = duplicates;
    this.caseFiles = caseFiles;
    this.organisation = organisation;
    this.ledger = ledger;
    this.runtime = runtime;
    this.tasks = tasks;
    this.system = system;
  }

  /**
   * What a merge would do, for the person to confirm before it is done.
   *
   * @param openTasks the merged case's open tasks, which the merge cancels
   * @param personalIdMoves the merged case's personal ID goes to the kept one (which has none)
   * @param refusal why the merge cannot be done now, or null
   */
  public record Preview(CaseFile kept, CaseFile merged, long openTasks, boolean personalIdMoves, String refusal) {
  }

  public Preview preview(long keptId, long mergedId, String userId) {
    CaseFile merged = checkedPair(keptId, mergedId, userId);
    CaseFile kept = caseFiles.get(keptId);
    long openTasks = merged.processInstanceId() == null ? 0
        : system.call(() -> tasks.createTaskQuery().processInstanceId(merged.processInstanceId()).count());
    return new Preview(kept, merged, openTasks, kept.personalId() == null && merged.personalId() != null,
        moneyInFlight(merged) ? moneyInFlightMessage(merged) : null);
  }

  @Transactional
  public void merge(long keptId, long mergedId, String reason, String userId) {
    FieldReader fields = FieldReader.of(Collections.singletonMap("reason", reason));
    String why = fields.optionalText("reason", "lý do gộp", 1000);
    fields.throwIfInvalid();
    CaseFile merged = checkedPair(keptId, mergedId, userId);
    if (moneyInFlight(merged)) {
      throw new InvalidInputException(moneyInFlightMessage(merged));
    }
    if (merged.processInstanceId() != null) {
      system.run(() -> {
        if (runtime.createProcessInstanceQuery().processInstanceId(merged.processInstanceId()).count() > 0) {
          // no end listeners: the child's pathway goes on in the kept case, nothing is closed or released
          runtime.deleteProcessInstance(merged.processInstanceId(), "Gộp vào hồ sơ khác", true, true, true, false);
        }
      });
    }
    caseFiles.merge(keptId, mergedId, userId);
    duplicates.recordMerge(keptId, mergedId, why, userId);
  }

  @Transactional
  public void keepApart(long firstId, long secondId, String userId) {
    long older = Math.min(firstId, secondId);
    long newer = Math.max(firstId, secondId);
    checkedPair(older, newer, userId);
    duplicates.keepApart(older, newer, userId);
  }

  /** The lister confirmed a new child unlike this existing case: a decision like "two children". */
  public void keptApartWhenListed(long existingId, long newId, String userId) {
    duplicates.keepApart(Math.min(existingId, newId), Math.max(existingId, newId), userId);
  }

  /** How many likely pairs wait in the user's area (up to 200). */
  public int count(String userId) {
    return pairs(userId).size();
  }

  List<LikelyDuplicates.Pair> pairs(String userId) {
    return duplicates.in(organisation.communesOf(userId), 200);
  }

  @Override
  public void erase(CaseFile file) {
    duplicates.forget(file.id());
  }

  private boolean moneyInFlight(CaseFile merged) {
    return ledger.requestsOfCase(merged.id()).stream().anyMatch(request -> IN_FLIGHT.contains(request.status()));
  }

  private static String moneyInFlightMessage(CaseFile merged) {
    return "Hồ sơ " + merged.caseNumber() + " đang có đề nghị hỗ trợ từ Quỹ chưa quyết toán: hãy giữ hồ sơ đó và"
        + " gộp hồ sơ kia vào, hoặc gộp sau khi quyết toán.";
  }

  /** Both case files in the user's area and still a likely pair; returns the second one. */
  private CaseFile checkedPair(long firstId, long secondId, String userId) {
    if (firstId == secondId) {
      throw new InvalidInputException("Không gộp một hồ sơ vào chính nó.");
    }
    caseFiles.getForUser(firstId, userId);
    CaseFile second = caseFiles.getForUser(secondId, userId);
    if (!duplicates.isPair(Math.min(firstId, secondId), Math.max(firstId, secondId),
        organisation.communesOf(userId))) {
      throw new InvalidInputException("Hai hồ sơ này không còn là cặp có thể trùng (đã được gộp hoặc xác định là"
          + " hai trẻ khác nhau): tải lại trang.");
    }
    return second;
  }
}
