package vn.nangbuoc.casepage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import vn.nangbuoc.audit.CaseAccessLog;
import vn.nangbuoc.casefile.CaseQuery;
import vn.nangbuoc.casefile.CaseSearch;
import vn.nangbuoc.casefile.CaseStatus;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.duplicates.CaseMerge;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.ClosureOutcome;
import vn.nangbuoc.security.PersonNames;
import vn.nangbuoc.security.Roles;

/** The list of the case files of the user's area, and the search that finds a child in it. */
@PageController
class CaseListPages {

  static final int PAGE_SIZE = 25;
  private static final Map<String, String> SORT_LABELS = new LinkedHashMap<>();

  static {
    SORT_LABELS.put("moi-nhat", "Mới lập trước");
    SORT_LABELS.put("cu-nhat", "Lập lâu nhất trước");
    SORT_LABELS.put("ten", "Theo tên");
    SORT_LABELS.put("so-ho-so", "Theo số hồ sơ");
  }

  private final CaseSearch search;
  private final OrganisationDirectory organisation;
  private final StepNames steps;
  private final CaseAccessLog accessLog;
  private final Roles roles;
  private final CaseMerge merges;
  private final PersonNames people;

  CaseListPages(CaseSearch search, OrganisationDirectory organisation, StepNames steps, CaseAccessLog accessLog,
      Roles roles, CaseMerge merges, PersonNames people) {
    this.people = people;
    this.search = search;
    this.organisation = organisation;
    this.steps = steps;
    this.accessLog = accessLog;
    this.roles = roles;
    this.merges = merges;
  }

  /**
   * The list (GET), filtered by what identifies nobody (commune, status, condition, step, and what happened in the
   * case), and the search form with its pager (POST). Names, case numbers and personal IDs count in a POST only: in
   * a URL they would stay in the browser's history, proxies' logs and the Referer of the next request. A POST
   * without them goes on as the GET of its filters, so that the address bar holds the search.
   */
  @RequestMapping(path = "/ho-so", method = {RequestMethod.GET, RequestMethod.POST})
  String list(HttpMethod method, @RequestParam(name = "q", required = false) String name,
      @RequestParam(name = "so", required = false) String caseNumber,
      @RequestParam(name = "cccd", required = false) String personalId,
      @RequestParam(name = "xa", required = false) String commune,
      @RequestParam(name = "trang-thai", required = false) CaseStatus status,
      @RequestParam(name = "dang-tat", required = false) ConditionGroup condition,
      @RequestParam(name = "buoc", required = false) String step,
      @RequestParam(name = "sap-xep", defaultValue = "moi-nhat") String sort,
      @RequestParam(name = "trang", defaultValue = "1") int page, @RequestParam Map<String, String> params,
      Model model, Authentication user, HttpServletRequest request, HttpServletResponse response) {
    boolean searched = method == HttpMethod.POST;
    ListFilters filters = ListFilters.read(params);
    boolean identifying = searched && Stream.of(name, caseNumber, personalId).anyMatch(s -> s != null && !s.isBlank());
    if (searched && !identifying) {
      return "redirect:" + filters.url(page);
    }
    CaseQuery query = new CaseQuery(identifying ? name : null, identifying ? caseNumber : null,
        identifying ? personalId : null, commune, status, condition, step, sort, Math.max(page, 1) - 1, PAGE_SIZE,
        filters.trail());
    model.addAttribute("filters", filters);
    model.addAttribute("identifying", identifying);
    if (!filters.errors().isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", String.join(" ", filters.errors()));
    }
    return render(query, filters.errors().isEmpty(), model, user, request);
  }

  /** Each child the list shows is a read of their case, logged as one. */
  private String render(CaseQuery query, boolean valid, Model model, Authentication user,
      HttpServletRequest request) {
    Set<String> communes = organisation.communesOf(user.getName());
    CaseSearch.Page result = valid ? search.search(query, communes) : new CaseSearch.Page(List.of(), 0, 0, PAGE_SIZE);
    accessLog.recordAll(result.rows().stream().map(CaseSearch.Row::id).toList(), user.getName(),
        CaseAccessLog.Channel.LIST, request.getRemoteAddr());
    model.addAttribute("result", result);
    model.addAttribute("query", query);
    List<AdministrativeUnit> units = communes.stream().map(organisation::unit).flatMap(Optional::stream)
        .sorted(Comparator.comparing(AdministrativeUnit::name)).toList();
    model.addAttribute("communes", units);
    // the list names each child's commune as people say it, not by its code
    model.addAttribute("communeNames", units.stream()
        .collect(Collectors.toMap(AdministrativeUnit::code, AdministrativeUnit::displayName)));
    model.addAttribute("statuses", CaseStatus.values());
    model.addAttribute("conditions", ConditionGroup.values());
    Map<String, String> stepNames = new LinkedHashMap<>();
    ChildPathway.USER_TASKS.forEach(key -> stepNames.put(key, steps.of(key)));
    model.addAttribute("steps", stepNames);
    model.addAttribute("sorts", SORT_LABELS);
    model.addAttribute("noArea", communes.isEmpty());
    model.addAttribute("mayImport", roles.isCaseworker(user.getName()));
    model.addAttribute("duplicatePairs", roles.isCaseworker(user.getName()) ? merges.count(user.getName()) : 0);
    boolean oversees = roles.isAuditor(user.getName()) || roles.isApprover(user.getName());
    model.addAttribute("oversees", oversees);
    if (oversees) {
      model.addAttribute("approvers", approvers(communes));
      model.addAttribute("dateKinds", ListFilters.DATE_KINDS);
      model.addAttribute("outcomes", ClosureOutcome.values());
    }
    return "case/list";
  }

  /** The managers who approved funding in the area, by name, for the auditor to choose from. */
  private Map<String, String> approvers(Set<String> communes) {
    Map<String, String> byName = new LinkedHashMap<>();
    search.approvers(communes).stream().map(login -> Map.entry(login, people.of(login)))
        .sorted(Map.Entry.comparingByValue()).forEach(entry -> byName.put(entry.getKey(), entry.getValue()));
    return byName;
  }
}
