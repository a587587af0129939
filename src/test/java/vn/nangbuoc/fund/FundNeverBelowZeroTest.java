package vn.nangbuoc.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.system.EngineTime;

/**
 * No row of any type takes the fund's balances, or a request's, below zero, and no row pays a
 * request beyond its approvals: refused with a Vietnamese message, nothing written. A fund of its own
 * holding 3,000,000 with one request of 1,000,000 approved.
 */
@NangBuocSpringTest
class FundNeverBelowZeroTest {

  @Autowired
  FundLedger ledger;
  @Autowired
  FundBooks books;
  @Autowired
  FundRepository repository;
  @Autowired
  FundCorrections corrections;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  JdbcTemplate jdbc;

  String fund;
  long request;

  @BeforeEach
  void fundWithOneApprovedRequest() {
    fund = TestFunds.create(jdbc);
    ledger.receive(fund, ReceiptKind.BUDGET, 3_000_000, null, null, EngineTime.today(), "cvtaichinh");
    String pathway = new PathwayDriver(engine, listing).listEligibleChild().getId();
    long caseId = jdbc.queryForObject("select id from case_file where process_instance_id = ?", Long.class, pathway);
    request = repository.insertRequest(new FundingRequest(0, caseId, pathway, fund, 1_000_000, "Bệnh viện tỉnh",
        "Tạo hình môi", null, "cvldtbxh", EngineTime.now(), RequestStatus.PENDING, null, null, null, null, null));
    assertThat(ledger.approve(request, "tpldtbxh").reserved()).isTrue();
    assertThat(books.balance(fund)).isEqualTo(new Balance(2_000_000, 1_000_000, 0));
  }

  @AfterEach
  void removeTheFund() {
    TestFunds.remove(jdbc, fund);
  }

  @Test
  void shouldRefuseEveryKindOfRowThatWouldTakeTheFundBelowZero() {
    refused(row(EntryType.RESERVATION, 2_000_001, null), "dưới 0");
    refused(row(EntryType.RELEASE, 1_000_001, null), "dưới 0");
    refused(row(EntryType.DISBURSEMENT, 1_000_001, null), "dưới 0");
    refused(row(EntryType.REFUND, 1, null), "dưới 0");
    refused(correction(-2_000_001, 0, 0, null), "dưới 0");
    refused(correction(0, -1_000_001, 0, null), "dưới 0");
    refused(correction(0, 0, -1, null), "dưới 0");
    // the probe's correction
    refused(correction(-2_000_000_000L, 0, 0, null), "khả dụng của quỹ sẽ xuống dưới 0");
  }

  @Test
  void shouldRefuseEveryKindOfRowThatWouldTakeARequestBelowZeroOrPayItBeyondItsApproval() {
    ledger.receive(fund, ReceiptKind.BUDGET, 5_000_000, null, null, EngineTime.today(), "cvtaichinh");
    Balance before = books.balance(fund);

    refused(row(EntryType.RELEASE, 1_000_001, request), "đang giữ cho đề nghị");
    refused(row(EntryType.DISBURSEMENT, 1_000_001, request), "đang giữ cho đề nghị");
    refused(row(EntryType.REFUND, 1, request), "đã chi cho đề nghị");
    refused(correction(0, -1_000_001, 0, request), "đang giữ cho đề nghị");
    refused(correction(0, 0, -1, request), "đã chi cho đề nghị");
    // a correction that records a payment pays too: not beyond the approval
    refused(correction(-1_000_001, 0, 1_000_001, request), "vượt số đã phê duyệt");

    assertThat(books.balance(fund)).isEqualTo(before);
  }

  @Test
  void shouldRefuseThroughEveryPublicPathThatLowersABalance() {
    // a disbursement beyond the reservation, a settlement's refund beyond what was paid cannot happen;
    // a correction of each balance is refused when proposed already
    assertThatThrownBy(() -> ledger.disburse(request, 1_000_001, "HOSPITAL", "PC-1", LocalDate.now(), "cvtaichinh"))
        .isInstanceOf(InvalidInputException.class);
    long receipt = jdbc.queryForObject("select min(id) from fund_entry where fund_id = ?", Long.class, fund);
    long reservation = jdbc.queryForObject(
        "select id from fund_entry where request_id = ? and entry_type = 'RESERVATION'", Long.class, request);
    long count = corrections.corrections(fund, CorrectionStatus.PROPOSED).size();
    assertThatThrownBy(() -> corrections.propose(receipt, -2_000_001, 0, 0, "Nhập nhầm", "cvtaichinh"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("khả dụng của quỹ sẽ xuống dưới 0");
    assertThatThrownBy(() -> corrections.propose(reservation, 1_000_001, -1_000_001, 0, "Nhập nhầm", "cvtaichinh"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("dưới 0");
    assertThatThrownBy(() -> corrections.propose(reservation, 1, 0, -1, "Nhập nhầm", "cvtaichinh"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("dưới 0");
    assertThat(corrections.corrections(fund, CorrectionStatus.PROPOSED)).hasSize((int) count);
    assertThat(books.balance(fund)).isEqualTo(new Balance(2_000_000, 1_000_000, 0));
  }

  @Test
  void shouldRefuseANegativeBalanceInTheDatabaseItselfAsTheLastGuard() {
    assertThatThrownBy(() -> jdbc.update("update fund set balance_available = -1 where id = ?", fund))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.update("update fund set balance_reserved = -1 where id = ?", fund))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.update("update fund set balance_disbursed = -1 where id = ?", fund))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  private void refused(LedgerEntry entry, String message) {
    Balance before = books.balance(fund);
    long rows = jdbc.queryForObject("select count(*) from fund_entry where fund_id = ?", Long.class, fund);

    assertThatThrownBy(() -> repository.addEntry(entry)).as(entry.type() + " " + entry.amount())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(message);

    assertThat(books.balance(fund)).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from fund_entry where fund_id = ?", Long.class, fund))
        .isEqualTo(rows);
  }

  private LedgerEntry row(EntryType type, long amount, Long requestId) {
    return LedgerEntry.of(type, fund, amount, requestId, "cvtaichinh", EngineTime.now(), EngineTime.today());
  }

  private LedgerEntry correction(long available, long reserved, long disbursed, Long requestId) {
    return new LedgerEntry(null, fund, EntryType.CORRECTION, Math.abs(available) + Math.abs(reserved)
        + Math.abs(disbursed), available, reserved, disbursed, requestId, null, null, null, null, null,
        EngineTime.today(), "cvtaichinh", EngineTime.now(), "Thử", null, "ktquy");
  }
}
