package vn.nangbuoc.fund;

/** What a fund paid out and what donors gave it over a period, summed by the database from its ledger. */
public record PeriodTotals(long disbursed, long donations) {
}
