package vn.nangbuoc.screening;

/** What the visiting doctors indicate for a child at screening, or that the child did not come. */
enum Indication {
  SURGERY,
  REHABILITATION,
  ASSISTIVE_DEVICE,
  OTHER_SERVICE,
  NONE,
  ABSENT
}
