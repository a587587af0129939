package vn.nangbuoc.security;

import java.time.Instant;

/**
 * A login was locked after too many wrong passwords. Published for every user id tried, known or
 * not (listeners tell people only about accounts that exist), in the transaction that records it.
 */
public record AccountLocked(String userId, int failures, Instant lockedUntil) {
}
