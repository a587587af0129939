package vn.nangbuoc.fund;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.system.EngineTime;

/**
 * Changes to the child protection funds' books ({@link FundBooks} reads them). Every change of a
 * fund takes the fund's row lock first and then reads its balances, which every ledger row changes
 * in its own transaction: two approvals at the same moment are served one after the other, so the
 * fund never promises more than it holds.
 */
@Service
public class FundLedger {

  /** What an approval did. */
  public record Approval(boolean reserved, long available) {
  }

  /** What a settlement did: {@code topUpNeeded} is what exceeds the approved amount beyond the margin. */
  public record Settlement(boolean settled, long topUpNeeded) {
  }

  private final FundRepository repository;
  private final FundBooks books;
  private final SettlementMargin margin;

  FundLedger(FundRepository repository, FundBooks books, FundSettings settings) {
    this.repository = repository;
    this.books = books;
    this.margin = new SettlementMargin(settings.settlementMarginPercent());
  }

  /** A new request, frozen as the approver will see it. */
  @Transactional
  public FundingRequest open(long caseId, String processInstanceId, String communeCode, long amount, String hospital,
      String procedure, String finding, String requestedBy) {
    FundText.limit(hospital, "bệnh viện", FundText.SHORT);
    FundText.limit(procedure, "phương pháp phẫu thuật, điều trị", FundText.PROCEDURE);
    FundText.limit(finding, "kết luận khám", FundText.FINDING);
    long id = repository.insertRequest(new FundingRequest(0, caseId, processInstanceId, books.fundServing(communeCode),
        amount, hospital, procedure, finding, requestedBy, EngineTime.now(), RequestStatus.PENDING, null, null, null,
        null, null));
    return books.request(id);
  }

  /** Reserves the amount if the fund holds it; otherwise changes nothing and tells what is available. */
  @Transactional
  public Approval approve(long requestId, String approver) {
    FundingRequest request = locked(requestId, RequestStatus.PENDING, RequestStatus.WAITING);
    long available = repository.balance(request.fundId()).available();
    if (available < request.amount()) {
      return new Approval(false, available);
    }
    add(LedgerEntry.of(EntryType.RESERVATION, request.fundId(), request.amount(), requestId, approver, EngineTime.now(),
        EngineTime.today()));
    repository.decide(requestId, RequestStatus.APPROVED, approver, EngineTime.now(), null);
    return new Approval(true, available - request.amount());
  }

  /** Approved in principle: the request waits its turn for the next receipt. */
  @Transactional
  public void queue(long requestId, String approver) {
    open(requestId, RequestStatus.PENDING);
    repository.queue(requestId, approver, EngineTime.now());
  }

  @Transactional
  public void reject(long requestId, String approver, String reason) {
    FundText.limit(reason, "lý do từ chối", FundText.REASON);
    FundingRequest request = locked(requestId, RequestStatus.PENDING, RequestStatus.WAITING,
        RequestStatus.APPROVED);
    releaseReservation(request, approver, "Từ chối: " + reason);
    repository.decide(requestId, RequestStatus.REJECTED, approver, EngineTime.now(), reason);
  }

  @Transactional
  public void returnForRevision(long requestId, String approver, String reason) {
    FundText.limit(reason, "lý do trả lại", FundText.REASON);
    open(requestId, RequestStatus.PENDING);
    repository.decide(requestId, RequestStatus.RETURNED, approver, EngineTime.now(), reason);
  }

  /** The case closed or the family withdrew: open requests end and their reservations return to the fund. */
  @Transactional
  public void cancelOpenRequests(long caseId, String user, String reason) {
    FundText.limit(reason, "lý do hủy", FundText.REASON);
    for (FundingRequest each : repository.requestsOfCase(caseId)) {
      FundingRequest request = underLock(each.id());
      if (request.status() == RequestStatus.PENDING || request.status() == RequestStatus.WAITING
          || request.status() == RequestStatus.APPROVED) {
        releaseReservation(request, user, "Hủy: " + reason);
        repository.status(request.id(), RequestStatus.CANCELLED);
      }
    }
  }

  /** Pays from the request's reservation, never beyond what its approvals allow, whatever a correction did to it. */
  @Transactional
  public void disburse(long requestId, long amount, String payee, String voucher, LocalDate paidOn, String user) {
    FundText.limit(payee, "đơn vị nhận tiền", FundText.PAYEE);
    FundText.limit(voucher, "số chứng từ", FundText.VOUCHER);
    FundingRequest request = locked(requestId, RequestStatus.APPROVED);
    long reserved = repository.reservedFor(requestId);
    if (amount <= 0 || amount > reserved) {
      throw new InvalidInputException("Số tiền chi phải lớn hơn 0 và không vượt số còn giữ cho đề nghị này ("
          + VietnameseFormat.money(reserved) + ").");
    }
    long approved = repository.approvedFor(requestId);
    long paid = repository.paidFor(requestId);
    if (paid + amount > approved) {
      throw new InvalidInputException(FundRepository.overApproval(requestId, approved, paid));
    }
    LedgerEntry payment = LedgerEntry.of(EntryType.DISBURSEMENT, request.fundId(), amount, requestId, user,
        EngineTime.now(), paidOn);
    add(new LedgerEntry(null, payment.fundId(), payment.type(), amount, payment.available(), payment.reserved(),
        payment.disbursed(), requestId, null, null, null, payee, voucher, paidOn, user, payment.recordedAt(), null,
        null, null));
  }

  /**
   * The hospital's bill: pays what is still owed from the reservation and releases the rest, or
   * takes back what was paid too much. Above what the approvals allow, the fund pays the difference
   * itself only within the configured margin and if it holds it; beyond that a manager decides.
   * What may be paid comes from the approvals, never from the reservation a correction may have changed.
   */
  @Transactional
  public Settlement settle(long requestId, long actualCost, String user) {
    FundingRequest request = locked(requestId, RequestStatus.APPROVED);
    Instant now = EngineTime.now();
    LocalDate today = EngineTime.today();
    repository.actualCost(requestId, actualCost);
    add(LedgerEntry.of(EntryType.SETTLEMENT, request.fundId(), actualCost, requestId, user, now, today));
    long paid = repository.paidFor(requestId);
    long reserved = repository.reservedFor(requestId);
    long room = repository.approvedFor(requestId) - paid;
    long owed = actualCost - paid;
    if (owed <= room) {
      finish(request, owed, reserved, user);
      return new Settlement(true, 0);
    }
    long extra = owed - room;
    if (margin.covers(extra, request.amount()) && repository.balance(request.fundId()).available() >= extra) {
      add(LedgerEntry.of(EntryType.RESERVATION, request.fundId(), extra, requestId, user, now, today)
          .withReason("Chi phí thực tế vượt số phê duyệt trong mức cho phép"));
      finish(request, owed, reserved + extra, user);
      return new Settlement(true, 0);
    }
    long payable = Math.max(Math.min(reserved, room), 0);
    if (payable > 0) {
      add(LedgerEntry.of(EntryType.DISBURSEMENT, request.fundId(), payable, requestId, user, now, today));
    }
    return new Settlement(false, owed - payable);
  }

  /** A manager's decision on the part of a bill beyond the approved amount and its margin. */
  @Transactional
  public void decideTopUp(long requestId, boolean approved, String approver, String reason) {
    FundText.limit(reason, "lý do", FundText.REASON);
    FundingRequest request = locked(requestId, RequestStatus.APPROVED);
    long extra = request.actualCost() - repository.paidFor(requestId);
    Instant now = EngineTime.now();
    if (approved && extra > 0) {
      long available = repository.balance(request.fundId()).available();
      if (available < extra) {
        throw new InvalidInputException("Quỹ chỉ còn " + VietnameseFormat.money(available) + ", không đủ "
            + VietnameseFormat.money(extra) + " phần vượt: chưa thể phê duyệt phần bổ sung.");
      }
      add(LedgerEntry.of(EntryType.RESERVATION, request.fundId(), extra, requestId, approver, now, EngineTime.today())
          .withReason("Phê duyệt bổ sung: " + (reason == null ? "" : reason)));
      add(LedgerEntry.of(EntryType.DISBURSEMENT, request.fundId(), extra, requestId, approver, now,
          EngineTime.today()));
    }
    // what a correction left reserved beyond the approvals goes back to the fund with the settled request
    long left = repository.reservedFor(requestId);
    if (left > 0) {
      add(LedgerEntry.of(EntryType.RELEASE, request.fundId(), left, requestId, approver, now, EngineTime.today())
          .withReason("Quyết toán xong: trả lại phần còn giữ"));
    }
    repository.status(requestId, RequestStatus.SETTLED);
  }

  /**
   * Money into the fund; the requests waiting in line then get their reservations, in order, as far
   * as the money goes (the first that does not fit stops the line, so nobody is overtaken).
   *
   * @return the requests this receipt approved
   */
  @Transactional
  public List<FundingRequest> receive(String fundId, ReceiptKind kind, long amount, String donor, String earmark,
      LocalDate date, String user) {
    if (amount <= 0) {
      throw new InvalidInputException("Số tiền thu phải lớn hơn 0.");
    }
    if (kind == ReceiptKind.DONATION && (donor == null || donor.isBlank())) {
      throw new InvalidInputException("Khoản ủng hộ cần ghi tên tổ chức, cá nhân ủng hộ.");
    }
    FundText.limit(donor, "tổ chức, cá nhân ủng hộ", FundText.SHORT);
    FundText.limit(earmark, "mục đích ủng hộ", FundText.SHORT);
    repository.lock(fundId);
    LedgerEntry receipt = LedgerEntry.of(EntryType.RECEIPT, fundId, amount, null, user, EngineTime.now(), date);
    add(new LedgerEntry(null, fundId, EntryType.RECEIPT, amount, receipt.available(), 0, 0, null, kind, donor, earmark,
        null, null, date, user, receipt.recordedAt(), null, null, null));
    List<FundingRequest> approved = new ArrayList<>();
    long available = repository.balance(fundId).available();
    for (FundingRequest waiting : repository.requestsWithStatus(fundId, RequestStatus.WAITING)) {
      if (waiting.amount() > available) {
        break;
      }
      add(LedgerEntry.of(EntryType.RESERVATION, fundId, waiting.amount(), waiting.id(), user, EngineTime.now(),
          EngineTime.today()).withReason("Đến lượt sau khoản thu mới"));
      repository.status(waiting.id(), RequestStatus.APPROVED);
      available -= waiting.amount();
      approved.add(books.request(waiting.id()));
    }
    return approved;
  }

  private void finish(FundingRequest request, long owed, long reserved, String user) {
    Instant now = EngineTime.now();
    LocalDate today = EngineTime.today();
    if (owed > 0) {
      add(LedgerEntry.of(EntryType.DISBURSEMENT, request.fundId(), owed, request.id(), user, now, today));
    } else if (owed < 0) {
      add(LedgerEntry.of(EntryType.REFUND, request.fundId(), -owed, request.id(), user, now, today)
          .withReason("Bệnh viện hoàn lại phần đã chi vượt chi phí thực tế"));
    }
    long left = reserved - Math.max(owed, 0);
    if (left > 0) {
      add(LedgerEntry.of(EntryType.RELEASE, request.fundId(), left, request.id(), user, now, today)
          .withReason("Chi phí thực tế thấp hơn số phê duyệt"));
    }
    repository.status(request.id(), RequestStatus.SETTLED);
  }

  private void releaseReservation(FundingRequest request, String user, String reason) {
    repository.lock(request.fundId());
    long reserved = repository.reservedFor(request.id());
    if (reserved > 0) {
      add(LedgerEntry.of(EntryType.RELEASE, request.fundId(), reserved, request.id(), user, EngineTime.now(),
          EngineTime.today()).withReason(reason));
    }
  }

  /**
   * The request as it is once its fund is locked. It is read again under the lock: while this change
   * waited, a transfer (a reorganisation, {@link FundTransfers}) may have moved it and its reservation
   * to another fund, whose lock is then taken instead, or another decision may have changed it.
   */
  private FundingRequest underLock(long requestId) {
    String fundId = books.request(requestId).fundId();
    while (true) {
      repository.lock(fundId);
      FundingRequest request = books.request(requestId);
      if (request.fundId().equals(fundId)) {
        return request;
      }
      fundId = request.fundId();
    }
  }

  private FundingRequest locked(long requestId, RequestStatus... allowed) {
    underLock(requestId);
    return open(requestId, allowed);
  }

  private FundingRequest open(long requestId, RequestStatus... allowed) {
    FundingRequest request = books.request(requestId);
    for (RequestStatus status : allowed) {
      if (request.status() == status) {
        return request;
      }
    }
    throw new InvalidInputException("Đề nghị hỗ trợ số " + requestId + " đang ở trạng thái " + request.status()
        + ", không thực hiện được thao tác này.");
  }

  private long add(LedgerEntry entry) {
    return repository.addEntry(entry);
  }
}
