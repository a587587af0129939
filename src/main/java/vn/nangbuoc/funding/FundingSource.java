package vn.nangbuoc.funding;

enum FundingSource {
  HEALTH_INSURANCE,
  CHARITY,
  OTHER
}
