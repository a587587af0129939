package vn.nangbuoc.organisation;

/** The agency that does a piece of work for a child's commune, and the group of its staff in that role. */
public record ResponsibleAgency(String agencyId, String agencyName, String kind, String role, String groupId) {
}
