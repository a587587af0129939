package vn.nangbuoc.fund;

/** A fund's money, summed from its ledger: what can be promised, what is promised, what was paid. */
public record Balance(long available, long reserved, long disbursed) {
}
