package vn.nangbuoc.erasure;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.security.Roles;

/**
 * The administrator's page for erasing a case file: by its number and a reason, with a
 * confirmation. The administrator never sees the child's details here; the number is enough.
 */
@PageController
class ErasurePages {

  private final CaseErasure erasure;
  private final CaseFileService caseFiles;
  private final ErasureLog erasures;
  private final Roles roles;

  ErasurePages(CaseErasure erasure, CaseFileService caseFiles, ErasureLog erasures, Roles roles) {
    this.erasure = erasure;
    this.caseFiles = caseFiles;
    this.erasures = erasures;
    this.roles = roles;
  }

  @GetMapping("/quan-tri/xoa-ho-so")
  String form(Model model, Authentication user) {
    requireAdministrator(user);
    model.addAttribute("erasures", erasures.recent(50));
    return "admin/erase";
  }

  @PostMapping("/quan-tri/xoa-ho-so")
  String erase(@RequestParam(name = "so", defaultValue = "") String caseNumber,
      @RequestParam(name = "ly-do", defaultValue = "") String reason,
      @RequestParam(name = "xac-nhan", required = false) String confirmed, Model model, Authentication user,
      HttpServletResponse response, RedirectAttributes redirect) {
    requireAdministrator(user);
    try {
      Optional<CaseFile> file = caseFiles.findByCaseNumber(caseNumber);
      if (file.isEmpty()) {
        throw new InvalidInputException("Không có hồ sơ số \"" + caseNumber.strip() + "\".");
      }
      if (confirmed == null) {
        throw new InvalidInputException("Hãy đánh dấu ô xác nhận: hồ sơ đã xóa thì không khôi phục được.");
      }
      erasure.erase(file.get().id(), reason, user.getName(), ErasureKind.BY_ADMINISTRATOR);
    } catch (InvalidInputException refused) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", refused.getMessage());
      model.addAttribute("caseNumber", caseNumber);
      model.addAttribute("reason", reason);
      return form(model, user);
    }
    redirect.addFlashAttribute("notice", "Đã xóa hồ sơ " + caseNumber.strip().toUpperCase()
        + " cùng lộ trình và lịch sử của hồ sơ. Sổ quỹ giữ số tiền, không còn thông tin của trẻ.");
    return "redirect:/quan-tri/xoa-ho-so";
  }

  private void requireAdministrator(Authentication user) {
    if (!roles.isAdministrator(user.getName())) {
      throw new ForbiddenException("Chỉ quản trị viên được xóa hồ sơ.");
    }
  }
}
