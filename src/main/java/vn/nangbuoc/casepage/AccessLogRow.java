package vn.nangbuoc.casepage;

import vn.nangbuoc.audit.CaseAccessLog;

/** One read of a case as its access log page shows it: the person by name, the channel in words. */
public record AccessLogRow(CaseAccessLog.Access access, String who, String channel) {
}
