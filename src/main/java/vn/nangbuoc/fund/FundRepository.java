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
import vn.nangbuoc.input.NotFoundException;

@Repository
class FundRepository {

  private static final String REQUEST_COLUMNS = "id, case_id, process_instance_id, fund_id, amount, hospital,"
      + " procedure_text, finding, requested_by, requested_at, status, queued_at, decided_by, decided_at,"
      + " decision_reason, actual_cost";

  private static final String ENTRY_COLUMNS = "id, fund_id, entry_type, amount, d_available, d_reserved, d_disbursed,"
      + " request_id, receipt_kind, donor, earmark, payee, voucher, entry_date, recorded_by, recorded_at, reason,"
      + " corrects_entry_id";

  private final JdbcClient jdbc;
  private final String lockStatement;

  FundRepository(JdbcClient jdbc, DatabaseProduct database) {
    this.jdbc = jdbc;
    // On PostgreSQL "for update" also blocks every insert that refers to the fund (a foreign key takes
    // a key-share lock on the row it points at): a new funding request or ledger row of another case
    // waited for whoever held the fund, up to 600 ms under load (docs/performance.md). "No key
    // update" serialises the fund's changes all the same and lets those inserts through.
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

  long addEntry(LedgerEntry entry) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into fund_entry (fund_id, entry_type, amount, d_available, d_reserved, d_disbursed, request_id,"
            + " receipt_kind, donor, earmark, payee, voucher, entry_date, recorded_by, recorded_at, reason,"
            + " corrects_entry_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(entry.fundId(), entry.type().name(), entry.amount(), entry.available(), entry.reserved(),
            entry.disbursed(), entry.requestId(), entry.receiptKind() == null ? null : entry.receiptKind().name(),
            entry.donor(), entry.earmark(), entry.payee(), entry.voucher(), entry.date(), entry.recordedBy(),
            Timestamp.from(entry.recordedAt()), entry.reason(), entry.correctsEntryId())
        .update(key, "id");
    // in the same transaction as the row: the running balances stay the sums of the ledger
    jdbc.sql("update fund set balance_available = balance_available + ?, balance_reserved = balance_reserved + ?,"
            + " balance_disbursed = balance_disbursed + ? where id = ?")
        .params(entry.available(), entry.reserved(), entry.disbursed(), entry.fundId())
        .update();
    return key.getKey().longValue();
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
    jdbc.sql("update funding_request set status = 'WAITING', decided_by = ?, decided_at = ?, queued_at = ? where id = ?")
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
        rs.getString("reason"), (Long) rs.getObject("corrects_entry_id", Long.class));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
