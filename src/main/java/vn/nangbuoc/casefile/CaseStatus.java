package vn.nangbuoc.casefile;

public enum CaseStatus {
  ACTIVE,
  CLOSED
}
