package vn.nangbuoc.duplicates;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.nangbuoc.audit.CaseAccessLog;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.HeldListings;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.security.Roles;
import vn.nangbuoc.system.EngineTime;

/** Likely duplicates of the caseworker's area, side by side, to merge or keep apart. */
@PageController
class DuplicatePages {

  private final CaseMerge merges;
  private final CaseFileService caseFiles;
  private final Roles roles;
  private final HeldListings held;
  private final OrganisationDirectory organisation;
  private final CaseAccessLog accessLog;

  DuplicatePages(CaseMerge merges, CaseFileService caseFiles, Roles roles, HeldListings held,
      OrganisationDirectory organisation, CaseAccessLog accessLog) {
    this.merges = merges;
    this.caseFiles = caseFiles;
    this.roles = roles;
    this.held = held;
    this.organisation = organisation;
    this.accessLog = accessLog;
  }

  /** Both children of every pair are shown side by side: each is a read of their case. */
  @GetMapping("/ho-so/trung-lap")
  String pairs(Model model, Authentication user, HttpServletRequest request) {
    requireCaseworker(user);
    List<Map<String, CaseFile>> pairs = merges.pairs(user.getName()).stream()
        .map(pair -> Map.of("older", caseFiles.get(pair.olderId()), "newer", caseFiles.get(pair.newerId())))
        .toList();
    // listings of children who already have a case here, held instead of opening a second one
    List<Map<String, Object>> heldListings = held.openIn(organisation.communesOf(user.getName())).stream()
        .map(listing -> Map.<String, Object>of("listing", listing, "file", caseFiles.get(listing.matchedCaseId())))
        .toList();
    List<Long> shown = new ArrayList<>(pairs.stream().flatMap(pair -> pair.values().stream())
        .map(CaseFile::id).toList());
    heldListings.forEach(row -> shown.add(((CaseFile) row.get("file")).id()));
    accessLog.recordAll(shown, user.getName(), CaseAccessLog.Channel.LIST, request.getRemoteAddr());
    model.addAttribute("pairs", pairs);
    model.addAttribute("held", heldListings);
    return "case/duplicates";
  }

  /** Before a merge: which case stays, what happens to the other, and a last chance to go back. */
  @GetMapping("/ho-so/trung-lap/gop")
  String confirmMerge(@RequestParam("giu") long keptId, @RequestParam("gop") long mergedId, Model model,
      Authentication user, HttpServletRequest request) {
    requireCaseworker(user);
    CaseMerge.Preview preview = merges.preview(keptId, mergedId, user.getName());
    accessLog.recordAll(List.of(keptId, mergedId), user.getName(), CaseAccessLog.Channel.LIST,
        request.getRemoteAddr());
    model.addAttribute("preview", preview);
    return "case/merge-confirm";
  }

  /** Only a merge confirmed on its page is done; a bare post (an old page, a script) is shown the page first. */
  @PostMapping("/ho-so/trung-lap/gop")
  String merge(@RequestParam("giu") long keptId, @RequestParam("gop") long mergedId,
      @RequestParam(name = "ly-do", required = false) String reason,
      @RequestParam(name = "xac-nhan", required = false) String confirmed, Authentication user,
      RedirectAttributes redirect) {
    requireCaseworker(user);
    if (!"co".equals(confirmed)) {
      redirect.addAttribute("giu", keptId);
      redirect.addAttribute("gop", mergedId);
      return "redirect:/ho-so/trung-lap/gop";
    }
    merges.merge(keptId, mergedId, reason, user.getName());
    redirect.addFlashAttribute("notice", "Đã gộp hồ sơ " + caseFiles.get(mergedId).caseNumber() + " vào hồ sơ "
        + caseFiles.get(keptId).caseNumber() + ".");
    return "redirect:/ho-so/trung-lap";
  }

  /** Resolved by the office of the existing case: moved there, or a mistake; the held details go. */
  @PostMapping("/ho-so/trung-lap/cho-xac-minh/{id}")
  String resolveHeld(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
    requireCaseworker(user);
    if (!held.resolve(id, organisation.communesOf(user.getName()), user.getName(), EngineTime.now())) {
      throw new NotFoundException("Không có danh sách chờ xác minh này trong địa bàn của bạn.");
    }
    redirect.addFlashAttribute("notice", "Đã ghi nhận: danh sách chờ xác minh đã được xử lý.");
    return "redirect:/ho-so/trung-lap";
  }

  @PostMapping("/ho-so/trung-lap/khac-nhau")
  String keepApart(@RequestParam("a") long first, @RequestParam("b") long second, Authentication user,
      RedirectAttributes redirect) {
    requireCaseworker(user);
    merges.keepApart(first, second, user.getName());
    redirect.addFlashAttribute("notice", "Đã ghi nhận: hai hồ sơ là hai trẻ khác nhau.");
    return "redirect:/ho-so/trung-lap";
  }

  private void requireCaseworker(Authentication user) {
    roles.requireCaseworker(user.getName(), "gộp hồ sơ");
  }
}
