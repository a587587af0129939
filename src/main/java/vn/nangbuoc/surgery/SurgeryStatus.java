package vn.nangbuoc.surgery;

enum SurgeryStatus {
  DONE,
  POSTPONED
}
