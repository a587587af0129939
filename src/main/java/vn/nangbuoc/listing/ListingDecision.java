package vn.nangbuoc.listing;

/** What the LĐTBXH office decides when it reviews a commune's listing of a child. */
enum ListingDecision {
  ACCEPT,
  RETURN,
  NOT_ELIGIBLE
}
