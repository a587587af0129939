package vn.nangbuoc.erasure;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.organisation.Capability;
import vn.nangbuoc.security.Roles;

/** Erasure of a case file by an administrator, and the record of erasures (HTTP Basic). */
@RestController
@RequestMapping("/api/admin/case-erasures")
class ErasureController {

  private final CaseErasure erasure;
  private final CaseFileService caseFiles;
  private final ErasureLog erasures;
  private final Roles roles;

  ErasureController(CaseErasure erasure, CaseFileService caseFiles, ErasureLog erasures, Roles roles) {
    this.erasure = erasure;
    this.caseFiles = caseFiles;
    this.erasures = erasures;
    this.roles = roles;
  }

  @PostMapping
  ResponseEntity<Void> erase(@RequestBody ErasureRequest body, Authentication user) {
    requireAdministrator(user);
    FieldReader fields = body.fields();
    String caseNumber = fields.requiredText("caseNumber", "số hồ sơ", 40);
    String reason = fields.requiredText("reason", "lý do xóa", 1000);
    fields.throwIfInvalid();
    erasure.erase(find(caseNumber).id(), reason, user.getName(), ErasureKind.BY_ADMINISTRATOR);
    return ResponseEntity.noContent().build();
  }

  /** For administrators and auditors: erasures leave this record and nothing else. */
  @GetMapping
  List<ErasureLog.Erasure> recent(Authentication user) {
    if (!roles.isAdministrator(user.getName()) && !roles.isAuditor(user.getName())) {
      throw new ForbiddenException(roles.onlyStaffOfOrAdministrators(Capability.AUDIT, "xem nhật ký xóa hồ sơ"));
    }
    return erasures.recent(200);
  }

  private CaseFile find(String caseNumber) {
    return caseFiles.findByCaseNumber(caseNumber)
        .orElseThrow(() -> new NotFoundException("Không có hồ sơ số " + caseNumber + "."));
  }

  private void requireAdministrator(Authentication user) {
    if (!roles.isAdministrator(user.getName())) {
      throw new ForbiddenException("Chỉ quản trị viên được xóa hồ sơ.");
    }
  }
}
