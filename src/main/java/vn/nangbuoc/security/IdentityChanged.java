package vn.nangbuoc.security;

import java.time.Instant;

/**
 * A person changed who belongs to an agency's group or what a group or user of an agency may do.
 * Published in the transaction of the change, once per agency concerned, so its head hears of it.
 */
public record IdentityChanged(Instant at, String actor, String action, String groupId, String userId,
    String detail, String agencyId, String agencyName) {
}
