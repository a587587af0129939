package vn.nangbuoc.fund;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.nangbuoc.audit.CaseAccessLog;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.security.Roles;

/**
 * The fund's books name children through their funding requests: the request's number, the hospital
 * paid for it, the voucher, the reasons written about it. Whoever is shown such a row has read that
 * child's case, and the access log says so, once per child. Administrators configure the system and
 * read no child: they get the books' figures without those columns, and no list of requests at all
 * (it is nothing but children's requests; how many wait is on the fund's overview).
 */
@Component
class ChildrenInTheBooks {

  static final String NO_REQUESTS_FOR_ADMINISTRATORS = "Quản trị viên cấu hình hệ thống, không đọc hồ sơ của trẻ:"
      + " danh sách đề nghị nêu hồ sơ và bệnh viện của từng trẻ. Số đề nghị đang chờ có ở trang tổng quan của Quỹ.";

  private final FundBooks ledger;
  private final CaseAccessLog accessLog;
  private final Roles roles;

  ChildrenInTheBooks(FundBooks ledger, CaseAccessLog accessLog, Roles roles) {
    this.ledger = ledger;
    this.accessLog = accessLog;
    this.roles = roles;
  }

  /** Requests as shown to this user: refused to an administrator, logged for anyone else. */
  List<FundingRequest> requests(List<FundingRequest> requests, String userId, CaseAccessLog.Channel channel,
      String remoteAddress) {
    if (roles.isAdministrator(userId)) {
      throw new ForbiddenException(NO_REQUESTS_FOR_ADMINISTRATORS);
    }
    accessLog.recordAll(requests.stream().filter(request -> !request.caseErased()).map(FundingRequest::caseId)
        .toList(), userId, channel, remoteAddress);
    return requests;
  }

  /** Ledger rows as shown to this user: without the children for an administrator, logged for anyone else. */
  List<LedgerEntry> entries(String fundId, List<LedgerEntry> entries, String userId, CaseAccessLog.Channel channel,
      String remoteAddress) {
    if (roles.isAdministrator(userId)) {
      return entries.stream().map(ChildrenInTheBooks::withoutChild).toList();
    }
    record(fundId, entries.stream().map(LedgerEntry::requestId).toList(), userId, channel, remoteAddress);
    return entries;
  }

  /** Proposed corrections as shown to this user, the same way as ledger rows. */
  List<Correction> corrections(String fundId, List<Correction> corrections, String userId,
      CaseAccessLog.Channel channel, String remoteAddress) {
    if (roles.isAdministrator(userId)) {
      return corrections.stream().map(ChildrenInTheBooks::withoutChild).toList();
    }
    record(fundId, corrections.stream().map(Correction::requestId).toList(), userId, channel, remoteAddress);
    return corrections;
  }

  private void record(String fundId, Collection<Long> requestIds, String userId, CaseAccessLog.Channel channel,
      String remoteAddress) {
    if (requestIds.stream().allMatch(Objects::isNull)) {
      return; // receipts only: no child, and no read of the fund's requests either
    }
    // one read of the fund's requests, not one per row: a year's ledger has hundreds of rows
    Map<Long, Long> caseOfRequest = ledger.requestsOfFund(fundId).stream()
        .filter(request -> !request.caseErased())
        .collect(Collectors.toMap(FundingRequest::id, FundingRequest::caseId));
    accessLog.recordAll(requestIds.stream().filter(Objects::nonNull).map(caseOfRequest::get).filter(Objects::nonNull)
        .toList(), userId, channel, remoteAddress);
  }

  /** A row's figures, its type, date and who wrote it; a reason stays only when it is not about a request. */
  private static LedgerEntry withoutChild(LedgerEntry entry) {
    return new LedgerEntry(entry.id(), entry.fundId(), entry.type(), entry.amount(), entry.available(),
        entry.reserved(), entry.disbursed(), null, entry.receiptKind(), entry.donor(), entry.earmark(), null, null,
        entry.date(), entry.recordedBy(), entry.recordedAt(), entry.requestId() == null ? entry.reason() : null,
        entry.correctsEntryId(), entry.confirmedBy());
  }

  private static Correction withoutChild(Correction correction) {
    return new Correction(correction.id(), correction.fundId(), correction.entryId(), null, correction.available(),
        correction.reserved(), correction.disbursed(), correction.requestId() == null ? correction.reason() : null,
        correction.status(), correction.proposedBy(), correction.proposedAt(), correction.decidedBy(),
        correction.decidedAt(), correction.requestId() == null ? correction.decisionReason() : null,
        correction.resultEntryId());
  }
}
