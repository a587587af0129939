package vn.nangbuoc.funding;

enum FundingDecision {
  APPROVED,
  REJECTED,
  RETURNED
}
