package vn.nangbuoc.fund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.nangbuoc.NangBuocSpringTest;
import vn.nangbuoc.PageBrowser;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.system.EngineTime;

/**
 * A fund that ends hands everything it holds to its successor. The old fund holds 10,000,000 of
 * receipts: request A (3,000,000) approved and 1,000,000 of it paid, B (4,000,000) approved, Q1
 * (5,000,000) and Q2 (1,000,000) waiting in line, P (2,000,000) awaiting approval. The new fund holds
 * 2,000,000 and a waiting request N (6,000,000) of its own, queued between Q1 and Q2.
 */
@NangBuocSpringTest
class FundTransfersTest {

  private static final Instant QUEUED = Instant.parse("2026-03-02T02:00:00Z");

  @Autowired
  FundTransfers transfers;
  @Autowired
  FundLedger ledger;
  @Autowired
  FundBooks books;
  @Autowired
  FundRepository repository;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ListingService listing;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactions;
  @Autowired
  FundExports exports;
  @Autowired
  TestRestTemplate browser;

  String oldFund;
  String newFund;
  long a;
  long b;
  long q1;
  long q2;
  long p;
  long n;

  @BeforeEach
  void twoFundsWithRequestsInEveryState() {
    oldFund = TestFunds.create(jdbc);
    newFund = TestFunds.create(jdbc);
    ledger.receive(oldFund, ReceiptKind.BUDGET, 10_000_000, null, null, EngineTime.today(), "cvtaichinh");
    a = request(oldFund, 3_000_000);
    assertThat(ledger.approve(a, "tpldtbxh").reserved()).isTrue();
    ledger.disburse(a, 1_000_000, "HOSPITAL", "PC-01", EngineTime.today(), "cvtaichinh");
    b = request(oldFund, 4_000_000);
    assertThat(ledger.approve(b, "tpldtbxh").reserved()).isTrue();
    q1 = request(oldFund, 5_000_000);
    assertThat(ledger.approve(q1, "tpldtbxh").reserved()).isFalse();
    ledger.queue(q1, "tpldtbxh");
    q2 = request(oldFund, 1_000_000);
    ledger.queue(q2, "tpldtbxh");
    p = request(oldFund, 2_000_000);
    ledger.receive(newFund, ReceiptKind.BUDGET, 2_000_000, null, null, EngineTime.today(), "cvtaichinh");
    n = request(newFund, 6_000_000);
    ledger.queue(n, "tpldtbxh");
    queuedAt(q1, QUEUED);
    queuedAt(n, QUEUED.plusSeconds(3600));
    queuedAt(q2, QUEUED.plusSeconds(7200));
    assertThat(books.balance(oldFund)).isEqualTo(new Balance(3_000_000, 6_000_000, 1_000_000));
    assertThat(books.balance(newFund)).isEqualTo(new Balance(2_000_000, 0, 0));
  }

  @AfterEach
  void removeTheFunds() {
    // the old fund's rows point at requests that now belong to the new fund: those first
    TestFunds.remove(jdbc, oldFund);
    TestFunds.remove(jdbc, newFund);
    assertThat(jdbc.queryForObject("select count(*) from fund_transfer where from_fund_id in (?, ?)", Integer.class,
        oldFund, newFund)).isZero();
  }

  @Test
  void shouldMoveWhatIsAvailableWhatIsHeldAndTheOpenRequestsWithoutCreatingOrLosingMoney() {
    Balance oldBefore = books.balance(oldFund);
    Balance newBefore = books.balance(newFund);

    FundTransfers.Transfer transfer = transfers.transferAll(oldFund, newFund, "Tái tổ chức 7", "quantri",
        EngineTime.today());

    assertThat(transfer).isEqualTo(new FundTransfers.Transfer("Tái tổ chức 7", oldFund, newFund, 3_000_000,
        6_000_000, 5, false));
    // what the old fund paid stays in its books; it holds nothing else
    assertThat(books.balance(oldFund)).isEqualTo(new Balance(0, 0, 1_000_000));
    assertThat(books.balance(newFund)).isEqualTo(new Balance(5_000_000, 6_000_000, 0));
    Balance oldAfter = books.balance(oldFund);
    Balance newAfter = books.balance(newFund);
    assertThat(oldAfter.available() + newAfter.available()).isEqualTo(oldBefore.available() + newBefore.available());
    assertThat(oldAfter.reserved() + newAfter.reserved()).isEqualTo(oldBefore.reserved() + newBefore.reserved());
    assertThat(oldAfter.disbursed()).isEqualTo(oldBefore.disbursed());
    assertThat(newAfter.disbursed()).isEqualTo(newBefore.disbursed());
    balancesAreTheSumsOfTheLedger();

    for (long moved : List.of(a, b, q1, q2, p)) {
      assertThat(books.request(moved).fundId()).as("request %s", moved).isEqualTo(newFund);
    }
    assertThat(books.request(a).status()).isEqualTo(RequestStatus.APPROVED);
    assertThat(books.request(p).status()).isEqualTo(RequestStatus.PENDING);
    assertThat(books.request(q1).queuedAt()).isEqualTo(QUEUED);
    // the line keeps everybody's time: Q1 first, then the new fund's own N, then Q2
    assertThat(books.requests(newFund, RequestStatus.WAITING)).extracting(FundingRequest::id).containsExactly(q1, n,
        q2);
    assertThat(books.placeInLine(q2)).isEqualTo(3);
    assertThat(repository.reservedFor(a)).isEqualTo(2_000_000);
    assertThat(repository.reservedFor(b)).isEqualTo(4_000_000);

    // one row on each side, naming the other fund and the reference
    assertThat(rows(oldFund, EntryType.RESERVED_OUT)).containsExactly(a + ":-2000000", b + ":-4000000");
    assertThat(rows(newFund, EntryType.RESERVED_IN)).containsExactly(a + ":2000000", b + ":4000000");
    assertThat(rows(oldFund, EntryType.TRANSFER_OUT)).containsExactly("null:-3000000");
    assertThat(rows(newFund, EntryType.TRANSFER_IN)).containsExactly("null:3000000");
    assertThat(jdbc.queryForObject("select reason from fund_entry where fund_id = ? and entry_type = 'TRANSFER_OUT'",
        String.class, oldFund)).startsWith("Tái tổ chức 7: chuyển số dư khả dụng sang").contains(newFund);
    assertThat(jdbc.queryForObject("select reason from fund_entry where fund_id = ? and entry_type = 'TRANSFER_IN'",
        String.class, newFund)).startsWith("Tái tổ chức 7: nhận số dư khả dụng từ").contains(oldFund);
    assertThat(EntryType.TRANSFER_IN.label()).isEqualTo("Nhận số dư chuyển đến");
  }

  @Test
  void shouldPaySettleReleaseAndServeTheMovedRequestsFromTheNewFund() {
    transfers.transferAll(oldFund, newFund, "Tái tổ chức 7", "quantri", EngineTime.today());

    // A: the rest of its approval is paid by the new fund, and its bill settles against both payments
    ledger.disburse(a, 2_000_000, "HOSPITAL", "PC-02", EngineTime.today(), "cvtaichinh");
    assertThat(books.balance(newFund)).isEqualTo(new Balance(5_000_000, 4_000_000, 2_000_000));
    assertThatThrownBy(() -> ledger.disburse(a, 1, "HOSPITAL", "PC-03", EngineTime.today(), "cvtaichinh"))
        .isInstanceOf(InvalidInputException.class);
    assertThat(ledger.settle(a, 3_000_000, "cvtaichinh").settled()).isTrue();
    assertThat(books.request(a).status()).isEqualTo(RequestStatus.SETTLED);
    assertThat(repository.paidFor(a)).isEqualTo(3_000_000);

    // B: a bill beyond the margin waits for a manager, whose top-up the new fund pays
    FundLedger.Settlement settlement = ledger.settle(b, 5_000_000, "cvtaichinh");
    assertThat(settlement.settled()).isFalse();
    assertThat(settlement.topUpNeeded()).isEqualTo(1_000_000);
    ledger.decideTopUp(b, true, "giamdoc", "Chi phí phát sinh");
    assertThat(books.request(b).status()).isEqualTo(RequestStatus.SETTLED);
    assertThat(books.balance(newFund)).isEqualTo(new Balance(4_000_000, 0, 7_000_000));

    // P is approved from the new fund's money; then its case closes and the reservation returns there
    assertThat(ledger.approve(p, "tpldtbxh").available()).isEqualTo(2_000_000);
    ledger.cancelOpenRequests(books.request(p).caseId(), "cvldtbxh", "Gia đình rút hồ sơ");
    assertThat(books.request(p).status()).isEqualTo(RequestStatus.CANCELLED);
    assertThat(books.balance(newFund)).isEqualTo(new Balance(4_000_000, 0, 7_000_000));

    // the new fund's next receipt serves its line in order: Q1 fits, N does not, so Q2 waits behind it
    List<FundingRequest> served = ledger.receive(newFund, ReceiptKind.BUDGET, 1_500_000, null, null,
        EngineTime.today(), "cvtaichinh");
    assertThat(served).extracting(FundingRequest::id).containsExactly(q1);
    assertThat(books.request(q1).status()).isEqualTo(RequestStatus.APPROVED);
    assertThat(books.request(q2).status()).isEqualTo(RequestStatus.WAITING);
    assertThat(books.balance(newFund)).isEqualTo(new Balance(500_000, 5_000_000, 7_000_000));
    // nothing of this touched the old fund
    assertThat(books.balance(oldFund)).isEqualTo(new Balance(0, 0, 1_000_000));
    balancesAreTheSumsOfTheLedger();
  }

  @Test
  void shouldServeAnApprovalThatWaitedForTheTransferFromTheNewFund() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch oldFundLocked = new CountDownLatch(1);
      Future<?> transfer = pool.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
        repository.lock(oldFund);
        oldFundLocked.countDown();
        pause();
        transfers.transferAll(oldFund, newFund, "Tái tổ chức 7", "quantri", EngineTime.today());
      }));
      oldFundLocked.await();
      // reads P in the old fund and waits for its lock, which the transfer holds until P has moved
      Future<FundLedger.Approval> approval = pool.submit(() -> ledger.approve(p, "tpldtbxh"));
      transfer.get(30, TimeUnit.SECONDS);

      assertThat(approval.get(30, TimeUnit.SECONDS)).isEqualTo(new FundLedger.Approval(true, 3_000_000));
    } finally {
      pool.shutdownNow();
    }
    assertThat(books.request(p).status()).isEqualTo(RequestStatus.APPROVED);
    assertThat(books.balance(newFund)).isEqualTo(new Balance(3_000_000, 8_000_000, 0));
    assertThat(books.balance(oldFund)).isEqualTo(new Balance(0, 0, 1_000_000));
    balancesAreTheSumsOfTheLedger();
  }

  @Test
  void shouldNameTheTransferRowsInVietnameseOnTheLedgerPageAndInItsExport() throws Exception {
    transfers.transferAll(oldFund, newFund, "Tái tổ chức 7", "quantri", EngineTime.today());

    String book = new PageBrowser(browser).get(new PageBrowser(browser).login("thanhtra"),
        "/quy/" + newFund + "/so-cai?loai=RESERVED_IN").getBody();
    assertThat(book).contains("<td>Nhận số đang giữ chuyển đến</td>").doesNotContain("<td>RESERVED_IN</td>")
        .doesNotContain("<td>Thu</td>");
    List<LedgerEntry> entries = books.entries(newFund, EngineTime.today(), EngineTime.today());
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
        exports.ledgerWorkbook(newFund, EngineTime.today(), EngineTime.today(), entries)))) {
      Sheet sheet = workbook.getSheet("Sổ quỹ");
      List<String> types = new ArrayList<>();
      for (int row = 1; row <= entries.size(); row++) {
        types.add(sheet.getRow(row).getCell(2).getStringCellValue());
      }
      assertThat(types).containsExactly("Thu", "Nhận số đang giữ chuyển đến", "Nhận số đang giữ chuyển đến",
          "Nhận số dư chuyển đến");
    }
  }

  @Test
  void shouldChangeNothingWhenCalledAgainWithTheSameReference() {
    transfers.transferAll(oldFund, newFund, "Tái tổ chức 7", "quantri", EngineTime.today());
    // money that reaches the ended fund afterwards is not this transfer's to move
    ledger.receive(oldFund, ReceiptKind.DONATION, 700_000, "Hội Chữ thập đỏ", null, EngineTime.today(), "cvtaichinh");
    int rows = entries();

    FundTransfers.Transfer again = transfers.transferAll(oldFund, newFund, "Tái tổ chức 7", "quantri",
        EngineTime.today());

    assertThat(again.already()).isTrue();
    assertThat(again.available()).isEqualTo(3_000_000);
    assertThat(entries()).isEqualTo(rows);
    assertThat(books.balance(oldFund)).isEqualTo(new Balance(700_000, 0, 1_000_000));
    assertThat(books.balance(newFund)).isEqualTo(new Balance(5_000_000, 6_000_000, 0));
    assertThat(jdbc.queryForObject("select count(*) from fund_transfer where from_fund_id = ?", Integer.class,
        oldFund)).isEqualTo(1);
    // the same reference cannot send the same fund elsewhere
    String third = TestFunds.create(jdbc);
    try {
      assertThatThrownBy(() -> transfers.transferAll(oldFund, third, "Tái tổ chức 7", "quantri", EngineTime.today()))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("đã được chuyển sang quỹ " + newFund);
      assertThat(books.balance(third)).isEqualTo(new Balance(0, 0, 0));
    } finally {
      TestFunds.remove(jdbc, third);
    }
  }

  @Test
  void shouldRefuseATransferToTheSameFundOrToAFundThatDoesNotExistChangingNothing() {
    int rows = entries();

    assertThatThrownBy(() -> transfers.transferAll(oldFund, oldFund, "Tái tổ chức 7", "quantri", EngineTime.today()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("sang chính quỹ đó");
    assertThatThrownBy(() -> transfers.transferAll(oldFund, "khongCoQuy", "Tái tổ chức 7", "quantri",
        EngineTime.today()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Không có quỹ nhận \"khongCoQuy\"");
    assertThatThrownBy(() -> transfers.transferAll("khongCoQuy", newFund, "Tái tổ chức 7", "quantri",
        EngineTime.today()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Không có quỹ chuyển đi");
    assertThatThrownBy(() -> transfers.transferAll(oldFund, newFund, " ", "quantri", EngineTime.today()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("mã tái tổ chức");

    assertThat(entries()).isEqualTo(rows);
    assertThat(books.balance(oldFund)).isEqualTo(new Balance(3_000_000, 6_000_000, 1_000_000));
    assertThat(books.balance(newFund)).isEqualTo(new Balance(2_000_000, 0, 0));
    assertThat(books.request(b).fundId()).isEqualTo(oldFund);
    assertThat(jdbc.queryForObject("select count(*) from fund_transfer where from_fund_id = ?", Integer.class,
        oldFund)).isZero();
  }

  private long request(String fund, long amount) {
    String pathway = new PathwayDriver(engine, listing).listEligibleChild().getId();
    long caseId = jdbc.queryForObject("select id from case_file where process_instance_id = ?", Long.class, pathway);
    return repository.insertRequest(new FundingRequest(0, caseId, pathway, fund, amount, "Bệnh viện tỉnh",
        "Tạo hình môi", null, "cvldtbxh", EngineTime.now(), RequestStatus.PENDING, null, null, null, null, null));
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void queuedAt(long request, Instant at) {
    jdbc.update("update funding_request set queued_at = ? where id = ?", Timestamp.from(at), request);
  }

  private List<String> rows(String fund, EntryType type) {
    return jdbc.query("select request_id, d_available + d_reserved + d_disbursed from fund_entry where fund_id = ?"
        + " and entry_type = ? order by request_id", (rs, i) -> rs.getObject(1) + ":" + rs.getLong(2), fund,
        type.name());
  }

  private int entries() {
    return jdbc.queryForObject("select count(*) from fund_entry where fund_id in (?, ?)", Integer.class, oldFund,
        newFund);
  }

  private void balancesAreTheSumsOfTheLedger() {
    for (String fund : List.of(oldFund, newFund)) {
      assertThat(books.balance(fund)).as(fund).isEqualTo(jdbc.queryForObject(
          "select coalesce(sum(d_available), 0), coalesce(sum(d_reserved), 0), coalesce(sum(d_disbursed), 0)"
              + " from fund_entry where fund_id = ?", (rs, i) -> new Balance(rs.getLong(1), rs.getLong(2),
              rs.getLong(3)), fund));
    }
  }
}
