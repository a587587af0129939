package vn.nangbuoc.organisation;

/** A Camunda group standing for the staff of one agency in one role. */
public record AgencyGroup(String agencyKind, String role, String groupId) {
}
