package vn.nangbuoc.fund;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
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
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.security.Roles;
import vn.nangbuoc.system.EngineTime;

/**
 * The fund's books as pages: overview, ledger with filters, requests, proposed corrections
 * (Vietnamese, server-rendered).
 */
@PageController
class FundPages {

  private final FundBooks books;
  private final FundCorrections corrections;
  private final Roles roles;
  private final ChildrenInTheBooks children;
  private final FundKeepers keepers;

  FundPages(FundBooks books, FundCorrections corrections, Roles roles, ChildrenInTheBooks children,
      FundKeepers keepers) {
    this.books = books;
    this.corrections = corrections;
    this.roles = roles;
    this.children = children;
    this.keepers = keepers;
  }

  @GetMapping("/quy")
  String funds(Model model, Authentication user) {
    requireReader(user);
    model.addAttribute("funds", books.funds().stream().map(this::overview).toList());
    return "fund/overview";
  }

  @GetMapping("/quy/{fundId}/so-cai")
  String ledger(@PathVariable String fundId, @RequestParam(name = "tu", required = false) LocalDate from,
      @RequestParam(name = "den", required = false) LocalDate to,
      @RequestParam(name = "loai", required = false) EntryType type, Model model, Authentication user,
      HttpServletRequest http) {
    requireReader(user);
    Fund fund = fund(fundId);
    LocalDate start = from == null ? EngineTime.today().withDayOfYear(1) : from;
    LocalDate end = to == null ? EngineTime.today() : to;
    List<LedgerEntry> entries = children.entries(fundId, books.entries(fundId, start, end).stream()
        .filter(entry -> type == null || entry.type() == type).toList(), user.getName(), CaseAccessLog.Channel.LIST,
        http.getRemoteAddr());
    model.addAttribute("fund", fund);
    model.addAttribute("entries", entries);
    model.addAttribute("withoutChildren", roles.isAdministrator(user.getName()));
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    model.addAttribute("type", type);
    model.addAttribute("types", EntryType.values());
    model.addAttribute("sumAvailable", entries.stream().mapToLong(LedgerEntry::available).sum());
    model.addAttribute("sumReserved", entries.stream().mapToLong(LedgerEntry::reserved).sum());
    model.addAttribute("sumDisbursed", entries.stream().mapToLong(LedgerEntry::disbursed).sum());
    return "fund/ledger";
  }

  @GetMapping("/quy/{fundId}/de-nghi")
  String requests(@PathVariable String fundId,
      @RequestParam(name = "trang-thai", defaultValue = "WAITING") RequestStatus status, Model model,
      Authentication user, HttpServletRequest http) {
    requireReader(user);
    model.addAttribute("fund", fund(fundId));
    model.addAttribute("status", status);
    model.addAttribute("statuses", RequestStatus.values());
    model.addAttribute("requests", children.requests(books.requests(fundId, status), user.getName(),
        CaseAccessLog.Channel.LIST, http.getRemoteAddr()));
    return "fund/requests";
  }

  /** Proposed corrections of the books, each confirmed or refused here by a second person of the finance staff. */
  @GetMapping("/quy/{fundId}/dieu-chinh")
  String corrections(@PathVariable String fundId, Model model, Authentication user, HttpServletRequest http) {
    requireReader(user);
    model.addAttribute("fund", fund(fundId));
    model.addAttribute("proposals", children.corrections(fundId, corrections.corrections(fundId,
        CorrectionStatus.PROPOSED), user.getName(), CaseAccessLog.Channel.LIST, http.getRemoteAddr()));
    model.addAttribute("mayDecide", keepers.isKeeperOfFund(fundId, user.getName()));
    model.addAttribute("withoutChildren", roles.isAdministrator(user.getName()));
    model.addAttribute("user", user.getName());
    return "fund/corrections";
  }

  @PostMapping("/quy/dieu-chinh/{correctionId}/xac-nhan")
  String confirm(@PathVariable long correctionId, Model model, Authentication user, HttpServletRequest http,
      HttpServletResponse response, RedirectAttributes redirect) {
    Correction proposal = decidable(correctionId, user);
    try {
      corrections.confirm(correctionId, user.getName());
    } catch (InvalidInputException refused) {
      return refusedDecision(proposal, refused, model, user, http, response);
    }
    redirect.addFlashAttribute("notice", "Đã xác nhận điều chỉnh số " + correctionId + ": bút toán đã ghi vào sổ quỹ.");
    return "redirect:/quy/" + proposal.fundId() + "/dieu-chinh";
  }

  @PostMapping("/quy/dieu-chinh/{correctionId}/tu-choi")
  String reject(@PathVariable long correctionId, @RequestParam(name = "ly-do", defaultValue = "") String reason,
      Model model, Authentication user, HttpServletRequest http, HttpServletResponse response,
      RedirectAttributes redirect) {
    Correction proposal = decidable(correctionId, user);
    try {
      corrections.reject(correctionId, user.getName(), reason);
    } catch (InvalidInputException refused) {
      return refusedDecision(proposal, refused, model, user, http, response);
    }
    redirect.addFlashAttribute("notice", "Đã từ chối đề xuất điều chỉnh số " + correctionId + ".");
    return "redirect:/quy/" + proposal.fundId() + "/dieu-chinh";
  }

  private Map<String, Object> overview(Fund fund) {
    Balance balance = books.balance(fund.id());
    PeriodTotals thisYear = books.totals(fund.id(), EngineTime.today().withDayOfYear(1), EngineTime.today());
    return Map.of("fund", fund, "balance", balance, "disbursedThisYear", thisYear.disbursed(),
        "donationsThisYear", thisYear.donations(), "waiting", books.requests(fund.id(), RequestStatus.WAITING).size());
  }

  private Fund fund(String fundId) {
    return books.fund(fundId).orElseThrow(() -> new NotFoundException("Không có quỹ " + fundId + "."));
  }

  private Correction decidable(long correctionId, Authentication user) {
    return keepers.requireKeeperOfCorrection(correctionId, user.getName(),
        "xác nhận hoặc từ chối điều chỉnh sổ quỹ này");
  }

  private String refusedDecision(Correction proposal, InvalidInputException refused, Model model, Authentication user,
      HttpServletRequest http, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("error", refused.getMessage());
    // beside the buttons of the proposal decided on, if it is still listed (else at the top)
    model.addAttribute("refusedId", proposal.id());
    return corrections(proposal.fundId(), model, user, http);
  }

  private void requireReader(Authentication user) {
    if (!roles.mayReadFunds(user.getName())) {
      throw new ForbiddenException("Bạn không có quyền xem sổ của Quỹ.");
    }
  }
}
