package vn.nangbuoc.organisation;

/** An office or committee that does work for the children of its unit's area. */
public record Agency(String id, String kind, String unitCode, String name) {
}
