package vn.nangbuoc.organisation;

/** Tiers of Vietnam's administration; since the 2025 reform some provinces have no DISTRICT tier. */
public enum UnitLevel {
  PROVINCE,
  DISTRICT,
  COMMUNE
}
