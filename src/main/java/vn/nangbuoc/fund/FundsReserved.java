package vn.nangbuoc.fund;

/**
 * A request that waited in line has its money reserved by a receipt. Published inside the receipt's transaction;
 * a listener that fails rolls the receipt back with it.
 */
public record FundsReserved(FundingRequest request) {
}
