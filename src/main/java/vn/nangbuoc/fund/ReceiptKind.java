package vn.nangbuoc.fund;

public enum ReceiptKind {
  BUDGET,
  DONATION
}
