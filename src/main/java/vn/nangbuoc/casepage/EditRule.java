package vn.nangbuoc.casepage;

import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseStatus;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.organisation.Capability;
import vn.nangbuoc.security.Roles;

/**
 * Who may correct a case file, and when: caseworkers, while the case is open. The edit pages enforce it and the
 * case page shows its button by it, so the button never leads to a refusal.
 */
@Component
class EditRule {

  private final Roles roles;

  EditRule(Roles roles) {
    this.roles = roles;
  }

  /** Why the user may not edit the case now, in the words the refusal shows; empty when they may. */
  Optional<String> refusal(CaseFile file, String userId) {
    if (!roles.isCaseworker(userId)) {
      return Optional.of(roles.onlyStaffOf(Capability.LIST_CHILDREN, "sửa hồ sơ"));
    }
    if (file.status() == CaseStatus.CLOSED) {
      return Optional.of("Hồ sơ " + file.caseNumber() + " đã đóng: thông tin được giữ nguyên như lúc đóng.");
    }
    if (file.status() == CaseStatus.MERGED) {
      return Optional.of("Hồ sơ " + file.caseNumber() + " đã được gộp vào hồ sơ khác: hãy sửa ở hồ sơ đó.");
    }
    return Optional.empty();
  }

  boolean allows(CaseFile file, String userId) {
    return refusal(file, userId).isEmpty();
  }

  void require(CaseFile file, String userId) {
    refusal(file, userId).ifPresent(message -> {
      throw new ForbiddenException(message);
    });
  }
}
