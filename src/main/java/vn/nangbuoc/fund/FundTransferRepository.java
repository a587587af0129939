package vn.nangbuoc.fund;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The transfers between funds and the requests they move; the ledger rows are written by {@link FundRepository}. */
@Repository
class FundTransferRepository {

  /** The requests that are still to be decided, waiting for money or to be paid: they follow their fund. */
  static final String OPEN = "('PENDING', 'WAITING', 'APPROVED')";

  private final JdbcClient jdbc;

  FundTransferRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Fund> fund(String id) {
    return jdbc.sql("select id, name, unit_code from fund where id = ?").param(id)
        .query((rs, n) -> new Fund(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
  }

  Optional<FundTransfers.Transfer> transfer(String reference, String fromFundId) {
    return jdbc.sql("select reference, from_fund_id, to_fund_id, available, reserved, requests from fund_transfer"
            + " where reference = ? and from_fund_id = ?")
        .params(reference, fromFundId)
        .query((rs, n) -> new FundTransfers.Transfer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            rs.getLong(5), rs.getInt(6), false))
        .optional();
  }

  void insert(FundTransfers.Transfer transfer, LocalDate onDay, String user, Instant at) {
    jdbc.sql("insert into fund_transfer (reference, from_fund_id, to_fund_id, available, reserved, requests,"
            + " transfer_date, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(transfer.reference(), transfer.fromFundId(), transfer.toFundId(), transfer.available(),
            transfer.reserved(), transfer.requests(), onDay, user, Timestamp.from(at))
        .update();
  }

  /** What the fund holds for each of its open requests that holds anything, by request id. */
  Map<Long, Long> heldForOpenRequests(String fundId) {
    Map<Long, Long> held = new LinkedHashMap<>();
    jdbc.sql("select e.request_id, sum(e.d_reserved) from fund_entry e join funding_request r on r.id = e.request_id"
            + " where e.fund_id = ? and r.fund_id = ? and r.status in " + OPEN
            + " group by e.request_id having sum(e.d_reserved) > 0 order by e.request_id")
        .params(fundId, fundId)
        .query(rs -> {
          held.put(rs.getLong(1), rs.getLong(2));
        });
    return held;
  }

  /** The open requests now belong to the other fund; queued_at is untouched, so the line keeps its order. */
  int moveOpenRequests(String fromFundId, String toFundId) {
    return jdbc.sql("update funding_request set fund_id = ? where fund_id = ? and status in " + OPEN)
        .params(toFundId, fromFundId).update();
  }
}
