package vn.nangbuoc.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.organisation.Capability;

/** Auditors read who changed which group's members or which rights (HTTP Basic). */
@RestController
class IdentityChangeController {

  private final IdentityChangeLog log;
  private final Roles roles;

  IdentityChangeController(IdentityChangeLog log, Roles roles) {
    this.log = log;
    this.roles = roles;
  }

  /** Not for administrators: they are the ones whose changes are recorded here. */
  @GetMapping("/api/identity-changes")
  List<IdentityChangeLog.Change> recent(Authentication user) {
    if (!roles.isAuditor(user.getName())) {
      throw new ForbiddenException(roles.onlyStaffOf(Capability.AUDIT, "xem nhật ký thay đổi nhóm và quyền"));
    }
    return log.recent(500);
  }
}
