package vn.nangbuoc.funding;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStepRecords;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.fund.FundingRequest;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.routing.MayNotDecide;

/**
 * For routing, who {@link FundingRules} will refuse on the approvals: the preparer of the request on its approval,
 * and on a top-up also the finance officer who settled the bill. Their groups are passed over when the task is
 * handed out, so the approval lands with someone who may decide it.
 */
@Component
class ApprovalFourEyes implements MayNotDecide {

  private final CaseFileService caseFiles;
  private final FundBooks books;
  private final CaseStepRecords records;

  ApprovalFourEyes(CaseFileService caseFiles, FundBooks books, CaseStepRecords records) {
    this.caseFiles = caseFiles;
    this.books = books;
    this.records = records;
  }

  @Override
  public Set<String> usersFor(String taskKey, String processInstanceId) {
    boolean approval = ChildPathway.TASK_APPROVE_FUNDING.equals(taskKey);
    boolean topUp = ChildPathway.TASK_APPROVE_TOP_UP.equals(taskKey);
    if (!approval && !topUp) {
      return Set.of();
    }
    long caseId = caseFiles.getByProcessInstance(processInstanceId).id();
    Set<String> users = new HashSet<>();
    // the request the approval is about is the case's latest (a returned one is followed by a new one)
    books.requestsOfCase(caseId).stream().max(Comparator.comparingLong(FundingRequest::id))
        .map(FundingRequest::requestedBy).ifPresent(users::add);
    if (topUp) {
      records.latest(caseId, ChildPathway.TASK_SETTLE_COSTS).map(CaseStepRecords.StepRecord::recordedBy)
          .ifPresent(users::add);
    }
    return users;
  }
}
