package vn.nangbuoc.funding;

import java.util.Comparator;
import org.springframework.stereotype.Component;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.fund.FundingRequest;
import vn.nangbuoc.fund.RequestStatus;
import vn.nangbuoc.input.InvalidInputException;

/** The funding request a pathway step works on: the case's latest one in the wanted state. */
@Component
class FundingRequests {

  private final FundBooks books;

  FundingRequests(FundBooks books) {
    this.books = books;
  }

  FundingRequest pendingOf(long caseId) {
    return latest(caseId, RequestStatus.PENDING);
  }

  FundingRequest approvedOf(long caseId) {
    return latest(caseId, RequestStatus.APPROVED);
  }

  private FundingRequest latest(long caseId, RequestStatus status) {
    return books.requestsOfCase(caseId).stream().filter(r -> r.status() == status)
        .max(Comparator.comparingLong(FundingRequest::id))
        .orElseThrow(() -> new InvalidInputException("Hồ sơ không có đề nghị hỗ trợ kinh phí nào đang chờ bước này."));
  }
}
