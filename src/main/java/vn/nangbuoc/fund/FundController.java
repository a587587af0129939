package vn.nangbuoc.fund;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.nangbuoc.audit.CaseAccessLog;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.security.Roles;
import vn.nangbuoc.system.EngineTime;

/** The fund's books for its keepers, approvers and auditors; receipts by the finance office. */
@RestController
@RequestMapping("/api/funds")
class FundController {

  /** A fund and its balances, as the list of funds shows it. */
  record FundOverview(String id, String name, long available, long reserved, long disbursed, int waiting) {
  }

  /** A request in a fund's list; {@code placeInLine} is 0 unless the list is the waiting line. */
  record RequestRow(long id, long caseId, long amount, String hospital, RequestStatus status, Instant requestedAt,
      Instant queuedAt, int placeInLine) {
  }

  /** The fund after a receipt, and the waiting requests the receipt approved. */
  record ReceiptAnswer(Balance balance, List<Long> servedRequests) {
  }

  // Bodies hold the values as JSON gave them: FieldReader checks each one, so a wrong value (a text
  // for an amount, a date as dd/MM/yyyy) is answered as before, field by field, in Vietnamese.

  /** Money into a fund, as the finance office sends it. */
  record ReceiptBody(Object kind, Object amount, Object donor, Object earmark, Object date) {

    FieldReader fields() {
      Map<String, Object> values = new HashMap<>();
      values.put("kind", kind);
      values.put("amount", amount);
      values.put("donor", donor);
      values.put("earmark", earmark);
      values.put("date", date);
      return FieldReader.of(values);
    }
  }

  /** A correction of one ledger row: what it changes in each balance, and why. */
  record CorrectionBody(Object available, Object reserved, Object disbursed, Object reason) {

    FieldReader fields() {
      Map<String, Object> values = new HashMap<>();
      values.put("available", available);
      values.put("reserved", reserved);
      values.put("disbursed", disbursed);
      values.put("reason", reason);
      return FieldReader.of(values);
    }
  }

  /** Why a proposed correction is not accepted. */
  record RejectionBody(Object reason) {

    FieldReader fields() {
      return FieldReader.of(Collections.singletonMap("reason", reason));
    }
  }

  private final FundBooks books;
  private final FundCorrections corrections;
  private final FundReceipts receipts;
  private final Roles roles;
  private final FundExports exports;
  private final CaseAccessLog accessLog;
  private final ChildrenInTheBooks children;
  private final FundKeepers keepers;

  FundController(FundBooks books, FundCorrections corrections, FundReceipts receipts, Roles roles,
      FundExports exports, CaseAccessLog accessLog, ChildrenInTheBooks children, FundKeepers keepers) {
    this.books = books;
    this.corrections = corrections;
    this.receipts = receipts;
    this.roles = roles;
    this.exports = exports;
    this.accessLog = accessLog;
    this.children = children;
    this.keepers = keepers;
  }

  @GetMapping
  List<FundOverview> funds(Authentication user) {
    requireReader(user);
    return books.funds().stream().map(this::overview).toList();
  }

  @GetMapping("/{fundId}/entries")
  List<LedgerEntry> entries(@PathVariable String fundId, @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to, Authentication user, HttpServletRequest http) {
    requireReader(user);
    return children.entries(fundId, books.entries(fundId, from == null ? LocalDate.of(2000, 1, 1) : from,
        to == null ? EngineTime.today() : to), user.getName(), CaseAccessLog.Channel.LIST, http.getRemoteAddr());
  }

  @GetMapping("/{fundId}/requests")
  List<RequestRow> requests(@PathVariable String fundId,
      @RequestParam(defaultValue = "WAITING") RequestStatus status, Authentication user, HttpServletRequest http) {
    requireReader(user);
    List<FundingRequest> requests = children.requests(books.requests(fundId, status), user.getName(),
        CaseAccessLog.Channel.LIST, http.getRemoteAddr());
    // the waiting requests come in the order of the line, so a row's place is its index: no read of the line per row
    return IntStream.range(0, requests.size()).mapToObj(index -> {
      FundingRequest request = requests.get(index);
      return new RequestRow(request.id(), request.caseId(), request.amount(), request.hospital(), request.status(),
          request.requestedAt(), request.queuedAt(), status == RequestStatus.WAITING ? index + 1 : 0);
    }).toList();
  }

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  @GetMapping("/{fundId}/ledger.xlsx")
  ResponseEntity<byte[]> ledgerExport(@PathVariable String fundId, @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to, Authentication user, HttpServletRequest http) {
    requireReader(user);
    LocalDate start = from == null ? LocalDate.of(2000, 1, 1) : from;
    LocalDate end = to == null ? EngineTime.today() : to;
    List<LedgerEntry> entries = children.entries(fundId, books.entries(fundId, start, end), user.getName(),
        CaseAccessLog.Channel.EXPORT, http.getRemoteAddr());
    return workbook("so-quy-" + fundId + ".xlsx", exports.ledgerWorkbook(fundId, start, end, entries));
  }

  /** Lists cases by number: each export is a read of those cases and is logged as such. */
  @GetMapping("/{fundId}/decisions.xlsx")
  ResponseEntity<byte[]> decisionsExport(@PathVariable String fundId, Authentication user, HttpServletRequest http) {
    requireReader(user);
    if (roles.isAdministrator(user.getName())) {
      throw new ForbiddenException("Quản trị viên cấu hình hệ thống, không đọc hồ sơ của trẻ: bảng quyết định liệt kê"
          + " hồ sơ, thủ thuật và bệnh viện của từng trẻ.");
    }
    books.requestsOfFund(fundId).stream().filter(request -> !request.caseErased()).map(FundingRequest::caseId)
        .distinct()
        .forEach(caseId -> accessLog.record(caseId, user.getName(), CaseAccessLog.Channel.EXPORT,
            http.getRemoteAddr()));
    return workbook("quyet-dinh-" + fundId + ".xlsx", exports.decisionsWorkbook(fundId));
  }

  private static ResponseEntity<byte[]> workbook(String fileName, byte[] content) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
        .contentType(XLSX)
        .body(content);
  }

  @PostMapping("/{fundId}/receipts")
  ReceiptAnswer receive(@PathVariable String fundId, @RequestBody ReceiptBody body, Authentication user) {
    keepers.requireKeeperOfFund(fundId, user.getName(), "ghi khoản thu vào quỹ này");
    FieldReader fields = body.fields();
    ReceiptKind kind = fields.requiredChoice("kind", "loại khoản thu (BUDGET hoặc DONATION)", ReceiptKind.class);
    Long amount = fields.requiredWholeNumber("amount", "số tiền (đồng)", 1, 100_000_000_000L);
    String donor = fields.optionalText("donor", "tổ chức, cá nhân ủng hộ", 300);
    String earmark = fields.optionalText("earmark", "mục đích ủng hộ", 300);
    LocalDate date = fields.requiredDate("date", "ngày thu");
    fields.check(date == null || !date.isAfter(EngineTime.today()), "Ngày thu không được sau ngày hôm nay.");
    fields.throwIfInvalid();
    List<FundingRequest> served = receipts.receive(fundId, kind, amount, donor, earmark, date, user.getName());
    return new ReceiptAnswer(books.balance(fundId), served.stream().map(FundingRequest::id).toList());
  }

  /**
   * A mistake in the books is corrected by a new row with its reason, the wrong row staying as it was;
   * the row is written only when a second person confirms the proposal.
   */
  @PostMapping("/entries/{entryId}/corrections")
  ResponseEntity<Correction> propose(@PathVariable long entryId, @RequestBody CorrectionBody body,
      Authentication user) {
    keepers.requireKeeperOfEntry(entryId, user.getName(), "đề xuất điều chỉnh sổ quỹ này");
    FieldReader fields = body.fields();
    long limit = 100_000_000_000L;
    Long available = fields.requiredWholeNumber("available", "điều chỉnh khả dụng", -limit, limit);
    Long reserved = fields.requiredWholeNumber("reserved", "điều chỉnh đang giữ", -limit, limit);
    Long disbursed = fields.requiredWholeNumber("disbursed", "điều chỉnh đã chi", -limit, limit);
    String reason = fields.requiredText("reason", "lý do điều chỉnh", 1000);
    fields.throwIfInvalid();
    Correction proposal = corrections.propose(entryId, available, reserved, disbursed, reason, user.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(proposal);
  }

  @GetMapping("/{fundId}/corrections")
  List<Correction> corrections(@PathVariable String fundId,
      @RequestParam(defaultValue = "PROPOSED") CorrectionStatus status, Authentication user, HttpServletRequest http) {
    requireReader(user);
    return children.corrections(fundId, corrections.corrections(fundId, status), user.getName(),
        CaseAccessLog.Channel.LIST, http.getRemoteAddr());
  }

  /**
   * The second person's confirmation: the correction row is written now, or refused if the books
   * would go below zero.
   */
  @PostMapping("/corrections/{correctionId}/confirmation")
  Correction confirm(@PathVariable long correctionId, Authentication user) {
    keepers.requireKeeperOfCorrection(correctionId, user.getName(), "xác nhận điều chỉnh sổ quỹ này");
    return corrections.confirm(correctionId, user.getName());
  }

  @PostMapping("/corrections/{correctionId}/rejection")
  Correction reject(@PathVariable long correctionId, @RequestBody RejectionBody body, Authentication user) {
    keepers.requireKeeperOfCorrection(correctionId, user.getName(), "từ chối đề xuất điều chỉnh sổ quỹ này");
    FieldReader fields = body.fields();
    String reason = fields.requiredText("reason", "lý do không chấp nhận", 1000);
    fields.throwIfInvalid();
    return corrections.reject(correctionId, user.getName(), reason);
  }

  private FundOverview overview(Fund fund) {
    Balance balance = books.balance(fund.id());
    return new FundOverview(fund.id(), fund.name(), balance.available(), balance.reserved(), balance.disbursed(),
        books.requests(fund.id(), RequestStatus.WAITING).size());
  }

  private void requireReader(Authentication user) {
    if (!roles.mayReadFunds(user.getName())) {
      throw new ForbiddenException("Bạn không có quyền xem sổ của Quỹ.");
    }
  }
}
