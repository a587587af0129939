package vn.nangbuoc.fund;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.system.EngineTime;

/**
 * A fund that ends (a reorganisation: the city's fund ends, the province's takes over) hands everything
 * it still holds to its successor, as pairs of ledger rows, one on each fund, so the two funds' totals
 * are the same before and after: what is available, what is held for approved requests not yet paid
 * (the requests move with it and are paid, settled or released by the successor), and the requests
 * waiting for a decision or for money, which keep their place in line (their queued_at). What the ended
 * fund paid stays in its books. The ended fund is left with nothing available and nothing held.
 */
@Service
public class FundTransfers {

  /** What a transfer moved; {@code already} if it had been made before under this reference and moved nothing now. */
  public record Transfer(String reference, String fromFundId, String toFundId, long available, long reserved,
      int requests, boolean already) {
  }

  static final int REFERENCE = 200;

  private final FundRepository ledger;
  private final FundTransferRepository transfers;

  FundTransfers(FundRepository ledger, FundTransferRepository transfers) {
    this.ledger = ledger;
    this.transfers = transfers;
  }

  /**
   * Moves all of {@code fromFundId} to {@code toFundId}. Under both funds' row locks, taken in the order
   * of their ids whoever calls (two transfers between the same funds in opposite directions cannot wait
   * for each other), so no receipt, approval or payment of either fund runs in the middle: one that
   * waited finds its request in the new fund (FundLedger reads it again under the lock). Called again
   * with the same reference for the same fund, it finds its transfer and changes nothing.
   */
  @Transactional
  public Transfer transferAll(String fromFundId, String toFundId, String reference, String user, LocalDate onDay) {
    if (reference == null || reference.isBlank()) {
      throw new InvalidInputException("Chuyển số dư giữa hai quỹ cần mã tái tổ chức (căn cứ chuyển).");
    }
    FundText.limit(reference, "mã tái tổ chức", REFERENCE);
    if (user == null || user.isBlank() || onDay == null) {
      throw new InvalidInputException("Chuyển số dư giữa hai quỹ cần người thực hiện và ngày chuyển.");
    }
    if (fromFundId == null || fromFundId.equals(toFundId)) {
      throw new InvalidInputException("Không chuyển được số dư của một quỹ sang chính quỹ đó: hãy chọn quỹ nhận khác.");
    }
    Fund from = known(fromFundId, "chuyển đi");
    Fund to = known(toFundId, "nhận");
    ledger.lock(fromFundId.compareTo(toFundId) < 0 ? fromFundId : toFundId);
    ledger.lock(fromFundId.compareTo(toFundId) < 0 ? toFundId : fromFundId);
    Transfer earlier = transfers.transfer(reference, fromFundId).orElse(null);
    if (earlier != null) {
      if (!earlier.toFundId().equals(toFundId)) {
        throw new InvalidInputException("Theo " + reference + ", số dư của quỹ " + fromFundId
            + " đã được chuyển sang quỹ " + earlier.toFundId() + ", không chuyển lại sang quỹ khác.");
      }
      return new Transfer(reference, fromFundId, toFundId, earlier.available(), earlier.reserved(),
          earlier.requests(), true);
    }
    Instant now = EngineTime.now();
    Pair pair = new Pair(from, to, reference, user, now, onDay);
    long reserved = 0;
    for (Map.Entry<Long, Long> held : transfers.heldForOpenRequests(fromFundId).entrySet()) {
      pair.write(EntryType.RESERVED_OUT, EntryType.RESERVED_IN, held.getValue(), held.getKey(),
          "số đang giữ cho đề nghị số " + held.getKey());
      reserved += held.getValue();
    }
    int requests = transfers.moveOpenRequests(fromFundId, toFundId);
    // held for no open request (a correction's doing): it moves too, for the successor's staff to correct
    long unattached = ledger.balance(fromFundId).reserved();
    if (unattached > 0) {
      pair.write(EntryType.RESERVED_OUT, EntryType.RESERVED_IN, unattached, null,
          "số đang giữ không thuộc đề nghị nào đang mở");
      reserved += unattached;
    }
    long available = ledger.balance(fromFundId).available();
    if (available > 0) {
      pair.write(EntryType.TRANSFER_OUT, EntryType.TRANSFER_IN, available, null, "số dư khả dụng");
    }
    Transfer transfer = new Transfer(reference, fromFundId, toFundId, available, reserved, requests, false);
    transfers.insert(transfer, onDay, user, now);
    return transfer;
  }

  private Fund known(String fundId, String side) {
    return transfers.fund(fundId == null ? "" : fundId).orElseThrow(() -> new InvalidInputException(
        "Không có quỹ " + side + " \"" + fundId + "\": không chuyển được số dư."));
  }

  /** The movements of one transfer, each written on both funds, each row naming the other fund and the reference. */
  private final class Pair {

    private final Fund from;
    private final Fund to;
    private final String reference;
    private final String user;
    private final Instant at;
    private final LocalDate onDay;

    Pair(Fund from, Fund to, String reference, String user, Instant at, LocalDate onDay) {
      this.from = from;
      this.to = to;
      this.reference = reference;
      this.user = user;
      this.at = at;
      this.onDay = onDay;
    }

    void write(EntryType out, EntryType in, long amount, Long requestId, String what) {
      // out first: a request's own sum goes to zero and back, never above what it held
      add(out, from, amount, requestId, reference + ": chuyển " + what + " sang " + name(to));
      add(in, to, amount, requestId, reference + ": nhận " + what + " từ " + name(from));
    }

    private void add(EntryType type, Fund fund, long amount, Long requestId, String reason) {
      ledger.addEntry(LedgerEntry.of(type, fund.id(), amount, requestId, user, at, onDay).withReason(reason));
    }

    private static String name(Fund fund) {
      return fund.name() + " (" + fund.id() + ")";
    }
  }
}
