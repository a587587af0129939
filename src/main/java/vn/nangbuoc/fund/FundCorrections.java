package vn.nangbuoc.fund;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.system.EngineTime;

/**
 * Corrections of the ledger by four eyes: one person proposes (effects and reason), a second
 * confirms, and only then a correction row is written, naming both. Who may propose or confirm at
 * all (the fund's finance staff) is checked by the pages and the API; here, that the two are
 * different people and that the books never go below zero when the row is written.
 */
@Service
public class FundCorrections {

  static final long LIMIT = 100_000_000_000L;

  private final FundRepository ledger;
  private final FundCorrectionRepository corrections;

  FundCorrections(FundRepository ledger, FundCorrectionRepository corrections) {
    this.ledger = ledger;
    this.corrections = corrections;
  }

  /** A proposal; refused already if it would take a balance below zero or pay beyond an approval today. */
  @Transactional
  public Correction propose(long entryId, long available, long reserved, long disbursed, String reason, String user) {
    String text = requiredReason(reason, "Bút toán điều chỉnh phải ghi lý do.");
    if (available == 0 && reserved == 0 && disbursed == 0) {
      throw new InvalidInputException("Bút toán điều chỉnh phải thay đổi ít nhất một số dư.");
    }
    if (Math.abs(available) > LIMIT || Math.abs(reserved) > LIMIT || Math.abs(disbursed) > LIMIT) {
      throw new InvalidInputException("Mỗi số điều chỉnh không vượt quá 100.000.000.000 đồng.");
    }
    LedgerEntry wrong = ledger.entry(entryId)
        .orElseThrow(() -> new NotFoundException("Không có bút toán số " + entryId + "."));
    ledger.requireAcceptable(row(wrong, available, reserved, disbursed, text, user, null));
    long id = corrections.insert(wrong.fundId(), entryId, available, reserved, disbursed, text, user, EngineTime.now());
    return correction(id);
  }

  /**
   * The second person's confirmation writes the correction row. Under the fund's lock and only while
   * the proposal is still proposed: of two confirmations at the same moment exactly one takes effect,
   * and the balances are checked as they are then, not as they were when it was proposed.
   */
  @Transactional
  public Correction confirm(long correctionId, String user) {
    Correction proposal = correction(correctionId);
    ledger.lock(proposal.fundId());
    proposal = requireProposed(correctionId);
    if (proposal.proposedBy().equals(user)) {
      throw new InvalidInputException("Người đề xuất điều chỉnh không tự xác nhận được: cần một người thứ hai.");
    }
    LedgerEntry wrong = ledger.entry(proposal.entryId()).orElseThrow();
    long entryId = ledger.addEntry(row(wrong, proposal.available(), proposal.reserved(), proposal.disbursed(),
        proposal.reason(), proposal.proposedBy(), user));
    if (!corrections.decide(correctionId, CorrectionStatus.CONFIRMED, user, EngineTime.now(), null, entryId)) {
      throw alreadyDecided(correctionId);
    }
    return correction(correctionId);
  }

  /** A refusal with its reason: nothing is written to the ledger. The proposer may withdraw their own. */
  @Transactional
  public Correction reject(long correctionId, String user, String reason) {
    String text = requiredReason(reason, "Hãy ghi lý do không chấp nhận điều chỉnh.");
    Correction proposal = correction(correctionId);
    ledger.lock(proposal.fundId());
    requireProposed(correctionId);
    if (!corrections.decide(correctionId, CorrectionStatus.REJECTED, user, EngineTime.now(), text, null)) {
      throw alreadyDecided(correctionId);
    }
    return correction(correctionId);
  }

  public Correction correction(long id) {
    return corrections.find(id).orElseThrow(() -> new NotFoundException("Không có đề xuất điều chỉnh số " + id + "."));
  }

  public List<Correction> corrections(String fundId, CorrectionStatus status) {
    return corrections.ofFund(fundId, status);
  }

  private Correction requireProposed(long id) {
    Correction proposal = correction(id);
    if (proposal.status() != CorrectionStatus.PROPOSED) {
      throw alreadyDecided(id);
    }
    return proposal;
  }

  private static InvalidInputException alreadyDecided(long id) {
    return new InvalidInputException(
        "Đề xuất điều chỉnh số " + id + " đã được xử lý (xác nhận hoặc từ chối) trước đó.");
  }

  private static String requiredReason(String reason, String missing) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException(missing);
    }
    FundText.limit(reason, "lý do", FundText.CORRECTION_REASON);
    return reason.strip();
  }

  /** The row a correction writes; the row it corrects stays as it was. */
  private static LedgerEntry row(LedgerEntry wrong, long available, long reserved, long disbursed, String reason,
      String proposedBy, String confirmedBy) {
    Instant now = EngineTime.now();
    return new LedgerEntry(null, wrong.fundId(), EntryType.CORRECTION,
        Math.abs(available) + Math.abs(reserved) + Math.abs(disbursed), available, reserved, disbursed,
        wrong.requestId(), null, null, null, null, null, EngineTime.today(), proposedBy, now, reason, wrong.id(),
        confirmedBy);
  }
}
