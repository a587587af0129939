package vn.nangbuoc.fund;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the ledger. {@code available}, {@code reserved}, {@code disbursed} are its effects on
 * the three balances (signed), so any sum of rows is a balance. A correction names who proposed it
 * ({@code recordedBy}) and who confirmed it ({@code confirmedBy}); other rows have no second name.
 */
public record LedgerEntry(Long id, String fundId, EntryType type, long amount, long available, long reserved,
    long disbursed, Long requestId, ReceiptKind receiptKind, String donor, String earmark, String payee, String voucher,
    LocalDate date, String recordedBy, Instant recordedAt, String reason, Long correctsEntryId, String confirmedBy) {

  static LedgerEntry of(EntryType type, String fundId, long amount, Long requestId, String recordedBy, Instant at,
      LocalDate date) {
    return new LedgerEntry(null, fundId, type, amount, type.available * amount, type.reserved * amount,
        type.disbursed * amount, requestId, null, null, null, null, null, date, recordedBy, at, null, null, null);
  }

  LedgerEntry withReason(String text) {
    return new LedgerEntry(id, fundId, type, amount, available, reserved, disbursed, requestId, receiptKind, donor,
        earmark, payee, voucher, date, recordedBy, recordedAt, text, correctsEntryId, confirmedBy);
  }
}
