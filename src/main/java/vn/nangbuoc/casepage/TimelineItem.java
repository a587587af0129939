package vn.nangbuoc.casepage;

import java.time.Instant;
import java.util.Map;

/** One line of a case's history: when, who, what, and details to show under it. */
record TimelineItem(Instant at, String who, String what, Map<String, String> details) {
}
