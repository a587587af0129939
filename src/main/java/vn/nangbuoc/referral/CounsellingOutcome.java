package vn.nangbuoc.referral;

enum CounsellingOutcome {
  CONSENTED,
  DECLINED
}
