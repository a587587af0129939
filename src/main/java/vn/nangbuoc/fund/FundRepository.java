package vn.nangbuoc.fund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.nangbuoc.database.DatabaseProduct;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.input.VietnameseFormat;

@Repository
class FundRepository {

  private static final String REQUEST_COLUMNS = "id, case_id, process_instance_id, fund_id, amount, hospital,"
      + " procedure_text, finding, requested_by, requested_at, status, queued_at, decided_by, decided_at,"
      + " decision_reason, actual_cost";

  private static final String ENTRY_COLUMNS = "id, fund_id, entry_type, amount, d_available, d_reserved, d_disbursed,"
      + " request_id, receipt_kind, donor, earmark, payee, voucher, entry_date, recorded_by, recorded_at, reason,"
      + " corrects_entry_id, confirmed_by";

  private final JdbcClient jdbc;
  private final String lockStatement;

  FundRepository(JdbcClient jdbc, DatabaseProduct database) {
    this.jdbc = jdbc;
    // On PostgreSQL "for update" also blocks every insert that refers to the fund (a foreign key takes
    // a key-share lock on the row it points at): a new funding request or ledger row of another case
    // waited for whoever held the fund, long under load (docs/performance.md, "Why the code is as it is").
    // "No key update" serialises the fund's changes all the same and lets those inserts through.
    this.lockStatement = "select id from fund where id = ? for " + (database.postgres() ? "no key update" : "update");
  }

  /** Serialises every change of one fund: whoever changes it holds the fund's row until commit. */
  void lock(String fundId) {
    // every write to a fund locks it first: an unknown fund is answered here, as 404, for all of them
    jdbc.sql(lockStatement).param(fundId).query(String.class).optional()
        .orElseThrow(() -> new NotFoundException("Không có quỹ này: hãy chọn một quỹ trong danh sách."));
  }

  void upsertFund(String id, String name, String unitCode) {
    if (jdbc.sql("update fund set name = ?, unit_code = ? where id = ?").params(name, unitCode, id).update() == 0) {
      jdbc.sql("insert into fund (id, name, unit_code) values (?, ?, ?)").params(id, name, unitCode).update();
    }
  }

  Optional<String> fundOfUnit(String unitCode) {
    return jdbc.sql("select id from fund where unit_code = ? order by id").param(unitCode).query(String.class)
        .list().stream().findFirst();
  }

  Optional<Fund> fund(String id) {
    return jdbc.sql("select id, name, unit_code from fund where id = ?").param(id)
        .query((rs, n) -> new Fund(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
  }

  List<Fund> funds() {
    return jdbc.sql("select id, name, unit_code from fund order by id")
        .query((rs, n) -> new Fund(rs.getString(1), rs.getString(2), rs.getString(3))).list();
  }

  /** The fund's running balances (a fund not known has none, as an empty ledger). */
  Balance balance(String fundId) {
    return jdbc.sql("select balance_available, balance_reserved, balance_disbursed from fund where id = ?")
        .param(fundId)
        .query((rs, n) -> new Balance(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .optional().orElse(new Balance(0, 0, 0));
  }

  long reservedFor(long requestId) {
    return jdbc.sql("select coalesce(sum(d_reserved), 0) from fund_entry where request_id = ?").param(requestId)
        .query(Long.class).single();
  }

  long disbursedFor(long requestId) {
    return jdbc.sql("select coalesce(sum(d_disbursed), 0) from fund_entry where request_id = ?").param(requestId)
        .query(Long.class).single();
  }

  /**
   * What the approvals of a request allow to be paid: its reservations. Only approvals write a
   * reservation (the approver's, the line's turn after a receipt, the settlement margin, a second
   * person's top-up); a correction is a row of its own type and never raises this.
   */
  long approvedFor(long requestId) {
    return jdbc.sql("select coalesce(sum(amount), 0) from fund_entry where request_id = ? and entry_type = ?")
        .params(requestId, EntryType.RESERVATION.name()).query(Long.class).single();
  }

  /**
   * What was paid for a request, as far as the cap goes: its payments less refunds, or what the books
   * say if a correction says more. A correction lowering the paid amount never makes room to pay again.
   */
  long paidFor(long requestId) {
    return jdbc.sql("select coalesce(sum(d_disbursed), 0), coalesce(sum(case when entry_type in (?, ?)"
            + " then d_disbursed else 0 end), 0) from fund_entry where request_id = ?")
        .params(EntryType.DISBURSEMENT.name(), EntryType.REFUND.name(), requestId)
        .query((rs, n) -> Math.max(rs.getLong(1), rs.getLong(2))).single();
  }

  /**
   * Every row of the ledger is written here, and only if it takes no balance below zero (the fund's
   * three, and a request's reservation and payments) and pays no request beyond its approvals:
   * otherwise it is refused and nothing is written. Every caller holds the fund's row lock, so the
   * request's sums read here do not move before the row is written.
   */
  long addEntry(LedgerEntry entry) {
    if (entry.requestId() != null) {
      requireWithinTheRequest(entry);
    }
    // in the same transaction as the row: the running balances stay the sums of the ledger
    int changed = jdbc.sql("update fund set balance_available = balance_available + ?,"
            + " balance_reserved = balance_reserved + ?, balance_disbursed = balance_disbursed + ? where id = ?"
            + " and balance_available + ? >= 0 and balance_reserved + ? >= 0 and balance_disbursed + ? >= 0")
        .params(entry.available(), entry.reserved(), entry.disbursed(), entry.fundId(), entry.available(),
            entry.reserved(), entry.disbursed())
        .update();
    if (changed == 0) {
      throw new InvalidInputException(fundBelowZero(entry));
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into fund_entry (fund_id, entry_type, amount, d_available, d_reserved, d_disbursed, request_id,"
            + " receipt_kind, donor, earmark, payee, voucher, entry_date, recorded_by, recorded_at, reason,"
            + " corrects_entry_id, confirmed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(entry.fundId(), entry.type().name(), entry.amount(), entry.available(), entry.reserved(),
            entry.disbursed(), entry.requestId(), entry.receiptKind() == null ? null : entry.receiptKind().name(),
            entry.donor(), entry.earmark(), entry.payee(), entry.voucher(), entry.date(), entry.recordedBy(),
            Timestamp.from(entry.recordedAt()), entry.reason(), entry.correctsEntryId(), entry.confirmedBy())
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** The checks of {@link #addEntry} without writing: a proposal is refused early, and checked again when confirmed. */
  void requireAcceptable(LedgerEntry entry) {
    Balance balance = balance(entry.fundId());
    if (balance.available() + entry.available() < 0 || balance.reserved() + entry.reserved() < 0
        || balance.disbursed() + entry.disbursed() < 0) {
      throw new InvalidInputException(fundBelowZero(entry));
    }
    if (entry.requestId() != null) {
      requireWithinTheRequest(entry);
    }
  }

  private String fundBelowZero(LedgerEntry entry) {
    Balance balance = jdbc.sql("select balance_available, balance_reserved, balance_disbursed from fund where id = ?")
        .param(entry.fundId()).query((rs, n) -> new Balance(rs.getLong(1), rs.getLong(2), rs.getLong(3))).optional()
        .orElseThrow(() -> new NotFoundException("Không có quỹ " + entry.fundId() + "."));
    String which = balance.available() + entry.available() < 0 ? "khả dụng"
        : balance.reserved() + entry.reserved() < 0 ? "đang giữ" : "đã chi";
    return "Không ghi được bút toán: số " + which + " của quỹ sẽ xuống dưới 0 (khả dụng "
        + VietnameseFormat.money(balance.available()) + ", đang giữ " + VietnameseFormat.money(balance.reserved())
        + ", đã chi " + VietnameseFormat.money(balance.disbursed()) + "). Quỹ không bao giờ âm.";
  }

  private void requireWithinTheRequest(LedgerEntry entry) {
    long requestId = entry.requestId();
    if (entry.reserved() < 0 && reservedFor(requestId) + entry.reserved() < 0) {
      throw new InvalidInputException("Không ghi được bút toán: số đang giữ cho đề nghị số " + requestId
          + " sẽ xuống dưới 0 (đang giữ " + VietnameseFormat.money(reservedFor(requestId)) + ").");
    }
    if (entry.disbursed() < 0 && disbursedFor(requestId) + entry.disbursed() < 0) {
      throw new InvalidInputException("Không ghi được bút toán: số đã chi cho đề nghị số " + requestId
          + " sẽ xuống dưới 0 (đã chi " + VietnameseFormat.money(disbursedFor(requestId)) + ").");
    }
    if (entry.disbursed() > 0) {
      long paid = paidFor(requestId);
      long approved = approvedFor(requestId);
      if (paid + entry.disbursed() > approved) {
        throw new InvalidInputException(overApproval(requestId, approved, paid));
      }
    }
  }

  static String overApproval(long requestId, long approved, long paid) {
    return "Không chi được: số chi vượt số đã phê duyệt cho đề nghị số " + requestId + " (đã phê duyệt "
        + VietnameseFormat.money(approved) + ", đã chi " + VietnameseFormat.money(paid) + ", còn được chi "
        + VietnameseFormat.money(Math.max(approved - paid, 0)) + "). Phần vượt cần người thứ hai phê duyệt bổ sung.";
  }

  boolean hasEntries(String fundId) {
    return jdbc.sql("select exists (select 1 from fund_entry where fund_id = ?)").param(fundId).query(Boolean.class)
        .single();
  }

  List<LedgerEntry> entries(String fundId, LocalDate from, LocalDate to) {
    return jdbc.sql("select " + ENTRY_COLUMNS
            + " from fund_entry where fund_id = ? and entry_date between ? and ? order by id")
        .params(fundId, from, to)
        .query(this::mapEntry)
        .list();
  }

  PeriodTotals totals(String fundId, LocalDate from, LocalDate to) {
    return jdbc.sql("select coalesce(sum(d_disbursed), 0) as disbursed,"
            + " coalesce(sum(case when receipt_kind = 'DONATION' then amount else 0 end), 0) as donations"
            + " from fund_entry where fund_id = ? and entry_date between ? and ?")
        .params(fundId, from, to)
        .query((rs, n) -> new PeriodTotals(rs.getLong("disbursed"), rs.getLong("donations")))
        .single();
  }

  List<LedgerEntry> entriesOfRequest(long requestId) {
    return jdbc.sql("select " + ENTRY_COLUMNS + " from fund_entry where request_id = ? order by id")
        .param(requestId)
        .query(this::mapEntry)
        .list();
  }

  Optional<LedgerEntry> entry(long id) {
    return jdbc.sql("select " + ENTRY_COLUMNS + " from fund_entry where id = ?").param(id).query(this::mapEntry)
        .optional();
  }

  long insertRequest(FundingRequest request) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into funding_request (case_id, process_instance_id, fund_id, amount, hospital, procedure_text,"
            + " finding, requested_by, requested_at, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(request.caseId(), request.processInstanceId(), request.fundId(), request.amount(), request.hospital(),
            request.procedure(), request.finding(), request.requestedBy(), Timestamp.from(request.requestedAt()),
            request.status().name())
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<FundingRequest> request(long id) {
    return jdbc.sql("select " + REQUEST_COLUMNS + " from funding_request where id = ?").param(id)
        .query(this::mapRequest).optional();
  }

  List<FundingRequest> requestsOfCase(long caseId) {
    return jdbc.sql("select " + REQUEST_COLUMNS + " from funding_request where case_id = ? order by id").param(caseId)
        .query(this::mapRequest).list();
  }

  List<FundingRequest> requestsWithStatus(String fundId, RequestStatus status) {
    return jdbc.sql("select " + REQUEST_COLUMNS + " from funding_request where fund_id = ? and status = ?"
            + " order by coalesce(queued_at, requested_at), id")
        .params(fundId, status.name()).query(this::mapRequest).list();
  }

  List<FundingRequest> requestsOfFund(String fundId) {
    return jdbc.sql("select " + REQUEST_COLUMNS + " from funding_request where fund_id = ? order by id").param(fundId)
        .query(this::mapRequest).list();
  }

  void decide(long id, RequestStatus status, String decidedBy, Instant at, String reason) {
    jdbc.sql("update funding_request set status = ?, decided_by = ?, decided_at = ?, decision_reason = ? where id = ?")
        .params(status.name(), decidedBy, Timestamp.from(at), reason, id).update();
  }

  void queue(long id, String decidedBy, Instant at) {
    jdbc.sql("update funding_request set status = 'WAITING', decided_by = ?, decided_at = ?, queued_at = ?"
            + " where id = ?")
        .params(decidedBy, Timestamp.from(at), Timestamp.from(at), id).update();
  }

  void status(long id, RequestStatus status) {
    jdbc.sql("update funding_request set status = ? where id = ?").params(status.name(), id).update();
  }

  void actualCost(long id, long cost) {
    jdbc.sql("update funding_request set actual_cost = ? where id = ?").params(cost, id).update();
  }

  private FundingRequest mapRequest(ResultSet rs, int n) throws SQLException {
    return new FundingRequest(rs.getLong("id"), rs.getLong("case_id"), rs.getString("process_instance_id"),
        rs.getString("fund_id"), rs.getLong("amount"), rs.getString("hospital"), rs.getString("procedure_text"),
        rs.getString("finding"), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
        RequestStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("queued_at")),
        rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), rs.getString("decision_reason"),
        (Long) rs.getObject("actual_cost", Long.class));
  }

  private LedgerEntry mapEntry(ResultSet rs, int n) throws SQLException {
    String kind = rs.getString("receipt_kind");
    return new LedgerEntry(rs.getLong("id"), rs.getString("fund_id"), EntryType.valueOf(rs.getString("entry_type")),
        rs.getLong("amount"), rs.getLong("d_available"), rs.getLong("d_reserved"), rs.getLong("d_disbursed"),
        (Long) rs.getObject("request_id", Long.class), kind == null ? null : ReceiptKind.valueOf(kind),
        rs.getString("donor"), rs.getString("earmark"), rs.getString("payee"), rs.getString("voucher"),
        rs.getDate("entry_date").toLocalDate(), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
        rs.getString("reason"), (Long) rs.getObject("corrects_entry_id", Long.class), rs.getString("confirmed_by"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
