package vn.nangbuoc.audit;

import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.organisation.Capability;
import vn.nangbuoc.security.Roles;

/**
 * Who may read who read a case: auditors of the case's area and administrators. One rule for the API, the page
 * and the link to it, so that nobody is shown a way the server then refuses.
 */
@Component
public class AccessLogReaders {

  private final Roles roles;
  private final CaseFileService caseFiles;

  AccessLogReaders(Roles roles, CaseFileService caseFiles) {
    this.roles = roles;
    this.caseFiles = caseFiles;
  }

  /** Whether the user reads access logs at all (of the cases they may open). */
  public boolean mayRead(String userId) {
    return roles.isAdministrator(userId) || roles.isAuditor(userId);
  }

  /** The case whose log the user asks for; a case outside an auditor's area is not found, anyone else refused. */
  public CaseFile caseFor(long caseId, String userId) {
    if (roles.isAdministrator(userId)) {
      return caseFiles.get(caseId);
    }
    if (roles.isAuditor(userId)) {
      return caseFiles.getForUser(caseId, userId);
    }
    throw new ForbiddenException(roles.onlyStaffOfOrAdministrators(Capability.AUDIT, "xem nhật ký truy cập hồ sơ"));
  }
}
