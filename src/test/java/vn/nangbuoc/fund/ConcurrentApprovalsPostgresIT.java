package vn.nangbuoc.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.nangbuoc.NangBuocPostgresTest;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.pathway.PathwayDriver;
import vn.nangbuoc.system.EngineTime;

/**
 * Fifty managers approve 1,000,000 đồng each, at the same moment, from a fund holding 30,000,000:
 * exactly thirty reservations, nothing below zero, and every sum of the ledger agrees.
 */
@NangBuocPostgresTest
class ConcurrentApprovalsPostgresIT {

  static final long GRANT = 1_000_000;
  static final long FUND = 30_000_000;
  static final int APPROVALS = 50;

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

  @Test
  void shouldNeverReserveMoreThanTheFundHolds() throws Exception {
    // given: a fund of its own with 30,000,000 and fifty pending requests of 1,000,000
    String fundId = "testFund" + UUID.randomUUID().toString().substring(0, 8);
    repository.upsertFund(fundId, "Quỹ thử nghiệm", "LANGSON");
    ledger.receive(fundId, ReceiptKind.BUDGET, FUND, null, null, EngineTime.today(), "cvtaichinh");
    String pathway = new PathwayDriver(engine, listing).listEligibleChild().getId();
    long caseId = jdbc.queryForObject("select id from case_file where process_instance_id = ?", Long.class, pathway);
    List<Long> requests = new ArrayList<>();
    for (int i = 0; i < APPROVALS; i++) {
      requests.add(repository.insertRequest(new FundingRequest(0, caseId, pathway, fundId, GRANT, "Bệnh viện tỉnh",
          "Tạo hình môi", null, "cvldtbxh", EngineTime.now(), RequestStatus.PENDING, null, null, null, null, null)));
    }

    // when: all at once; a manager who finds the fund short queues half of the time, rejects otherwise
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Boolean>> approvals = new ArrayList<>();
    for (int i = 0; i < APPROVALS; i++) {
      long request = requests.get(i);
      boolean queueWhenShort = i % 2 == 0;
      approvals.add(() -> {
        start.await();
        boolean reserved = ledger.approve(request, "tpldtbxh").reserved();
        if (!reserved && queueWhenShort) {
          ledger.queue(request, "tpldtbxh");
        } else if (!reserved) {
          ledger.reject(request, "tpldtbxh", "Quỹ hết kinh phí");
        }
        return reserved;
      });
    }
    ExecutorService managers = Executors.newFixedThreadPool(8);
    List<Future<Boolean>> outcomes;
    try {
      List<Future<Boolean>> submitted = new ArrayList<>();
      for (Callable<Boolean> approval : approvals) {
        submitted.add(managers.submit(approval));
      }
      start.countDown();
      outcomes = submitted;
      int reserved = 0;
      for (Future<Boolean> outcome : outcomes) {
        reserved += outcome.get() ? 1 : 0;
      }

      // then
      assertThat(reserved).isEqualTo(30);
    } finally {
      managers.shutdown();
    }
    Balance balance = books.balance(fundId);
    assertThat(balance).isEqualTo(new Balance(0, FUND, 0));
    assertThat(repository.requestsWithStatus(fundId, RequestStatus.APPROVED)).hasSize(30);
    assertThat(repository.requestsWithStatus(fundId, RequestStatus.WAITING).size()
        + repository.requestsWithStatus(fundId, RequestStatus.REJECTED).size()).isEqualTo(20);
    assertThat(jdbc.queryForObject("select sum(amount) from fund_entry where fund_id = ? and entry_type = 'RECEIPT'",
        Long.class, fundId) - jdbc.queryForObject("select coalesce(sum(amount), 0) from fund_entry where fund_id = ?"
        + " and entry_type = 'RESERVATION'", Long.class, fundId)).isEqualTo(balance.available());
    for (long request : requests) {
      long reservedFor = repository.reservedFor(request);
      RequestStatus status = books.request(request).status();
      assertThat(reservedFor).as("request " + request + " " + status)
          .isEqualTo(status == RequestStatus.APPROVED ? GRANT : 0);
    }

    // and a receipt lets the waiting requests proceed in order
    List<FundingRequest> waiting = repository.requestsWithStatus(fundId, RequestStatus.WAITING);
    List<FundingRequest> approvedByReceipt = ledger.receive(fundId, ReceiptKind.DONATION, 2_500_000,
        "Công ty Cổ phần Xi măng Đồng Bành", "Phẫu thuật cho trẻ", LocalDate.now(), "cvtaichinh");
    assertThat(approvedByReceipt).extracting(FundingRequest::id)
        .containsExactly(waiting.get(0).id(), waiting.get(1).id());
    assertThat(books.balance(fundId)).isEqualTo(new Balance(500_000, FUND + 2 * GRANT, 0));
    assertThat(books.placeInLine(waiting.get(2).id())).isEqualTo(1);
  }
}
