package vn.nangbuoc.casepage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.nangbuoc.audit.CaseAccessLog;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseNotFoundException;
import vn.nangbuoc.casefile.CaseQuery;
import vn.nangbuoc.casefile.CaseSearch;
import vn.nangbuoc.casefile.CaseStatus;
import vn.nangbuoc.casefile.CaregiverRelation;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ChildListingReader;
import vn.nangbuoc.casefile.ConditionGroup;
import vn.nangbuoc.casefile.DisabilityLevel;
import vn.nangbuoc.casefile.DisabilityType;
import vn.nangbuoc.casefile.EditConflictException;
import vn.nangbuoc.casefile.HouseholdStatus;
import vn.nangbuoc.casefile.Sex;
import vn.nangbuoc.document.DocumentKind;
import vn.nangbuoc.duplicates.CaseMerge;
import vn.nangbuoc.document.DocumentService;
import vn.nangbuoc.engine.EngineLimits;
import vn.nangbuoc.engine.EngineSystem;
import vn.nangbuoc.engine.EngineTime;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.security.Roles;

/**
 * One page per child and the list that finds it. Everyone who works in the child's commune reads
 * the page (each read is logged); only caseworkers change the case file, and never over someone
 * else's change (optimistic locking on the case file's version).
 */
@Controller
class CasePages {

  static final int PAGE_SIZE = 25;
  private static final Map<String, String> SORT_LABELS = new LinkedHashMap<>();

  static {
    SORT_LABELS.put("moi-nhat", "Mới lập trước");
    SORT_LABELS.put("cu-nhat", "Lập lâu nhất trước");
    SORT_LABELS.put("ten", "Theo tên");
    SORT_LABELS.put("so-ho-so", "Theo số hồ sơ");
  }

  private final CaseSearch search;
  private final CaseFileService caseFiles;
  private final CaseSections sections;
  private final CaseTimeline timeline;
  private final StepNames steps;
  private final FundBooks ledger;
  private final OrganisationDirectory organisation;
  private final TaskService tasks;
  private final EngineSystem system;
  private final CaseAccessLog accessLog;
  private final Roles roles;
  private final ListingService listing;
  private final DocumentService documents;
  private final CaseMerge merges;

  CasePages(CaseSearch search, CaseFileService caseFiles, CaseSections sections, CaseTimeline timeline,
      StepNames steps, FundBooks ledger, OrganisationDirectory organisation, TaskService tasks, EngineSystem system,
      CaseAccessLog accessLog, Roles roles, ListingService listing, DocumentService documents,
      CaseMerge merges) {
    this.search = search;
    this.caseFiles = caseFiles;
    this.sections = sections;
    this.timeline = timeline;
    this.steps = steps;
    this.ledger = ledger;
    this.organisation = organisation;
    this.tasks = tasks;
    this.system = system;
    this.accessLog = accessLog;
    this.roles = roles;
    this.listing = listing;
    this.documents = documents;
    this.merges = merges;
  }

  /**
   * The list, filtered by what identifies nobody (commune, status, condition, step). Names, case
   * numbers and personal IDs are searched by {@link #search POST} only: in a URL they would stay in
   * the browser's history, proxies' logs and the Referer of the next request.
   */
  @GetMapping("/ho-so")
  String list(@RequestParam(name = "xa", required = false) String commune,
      @RequestParam(name = "trang-thai", required = false) CaseStatus status,
      @RequestParam(name = "dang-tat", required = false) ConditionGroup condition,
      @RequestParam(name = "buoc", required = false) String step,
      @RequestParam(name = "sap-xep", defaultValue = "moi-nhat") String sort,
      @RequestParam(name = "trang", defaultValue = "1") int page, Model model, Authentication user,
      HttpServletRequest request) {
    return render(new CaseQuery(null, null, null, commune, status, condition, step, sort, Math.max(page, 1) - 1,
        PAGE_SIZE), model, user, request);
  }

  /** The search form and the pager of a search: every criterion in the body, none in the URL. */
  @PostMapping("/ho-so")
  String search(@RequestParam(name = "q", required = false) String name,
      @RequestParam(name = "so", required = false) String caseNumber,
      @RequestParam(name = "cccd", required = false) String personalId,
      @RequestParam(name = "xa", required = false) String commune,
      @RequestParam(name = "trang-thai", required = false) CaseStatus status,
      @RequestParam(name = "dang-tat", required = false) ConditionGroup condition,
      @RequestParam(name = "buoc", required = false) String step,
      @RequestParam(name = "sap-xep", defaultValue = "moi-nhat") String sort,
      @RequestParam(name = "trang", defaultValue = "1") int page, Model model, Authentication user,
      HttpServletRequest request) {
    return render(new CaseQuery(name, caseNumber, personalId, commune, status, condition, step, sort,
        Math.max(page, 1) - 1, PAGE_SIZE), model, user, request);
  }

  /** Each child the list shows is a read of their case, logged as one. */
  private String render(CaseQuery query, Model model, Authentication user, HttpServletRequest request) {
    Set<String> communes = organisation.communesOf(user.getName());
    CaseSearch.Page result = search.search(query, communes);
    accessLog.recordAll(result.rows().stream().map(CaseSearch.Row::id).toList(), user.getName(),
        CaseAccessLog.Channel.LIST, request.getRemoteAddr());
    model.addAttribute("result", result);
    model.addAttribute("query", query);
    model.addAttribute("communes", communes.stream().map(organisation::unit).flatMap(Optional::stream)
        .sorted(Comparator.comparing(AdministrativeUnit::name)).toList());
    model.addAttribute("statuses", CaseStatus.values());
    model.addAttribute("conditions", ConditionGroup.values());
    Map<String, String> stepNames = new LinkedHashMap<>();
    ChildPathway.USER_TASKS.forEach(key -> stepNames.put(key, steps.of(key)));
    model.addAttribute("steps", stepNames);
    model.addAttribute("sorts", SORT_LABELS);
    model.addAttribute("noArea", communes.isEmpty());
    model.addAttribute("mayImport", roles.isCaseworker(user.getName()));
    model.addAttribute("duplicatePairs", roles.isCaseworker(user.getName()) ? merges.count(user.getName()) : 0);
    return "case/list";
  }

  @GetMapping("/ho-so/{id}")
  String page(@PathVariable long id, Model model, Authentication user, HttpServletRequest request) {
    CaseFile file = readable(id, user);
    accessLog.record(file.id(), user.getName(), CaseAccessLog.Channel.CASE_PAGE, request.getRemoteAddr());
    model.addAttribute("file", file);
    model.addAttribute("age", file.ageOn(EngineTime.today()));
    model.addAttribute("commune", communeName(file.communeCode()));
    model.addAttribute("caregiver", caseFiles.caregiver(id).orElse(null));
    model.addAttribute("currentStep", file.currentStep() == null ? null : steps.of(file.currentStep()));
    model.addAttribute("openTasks", openTasks(file));
    model.addAttribute("sections", sections.of(id));
    model.addAttribute("requests", ledger.requestsOfCase(id));
    model.addAttribute("timeline", timeline.of(file));
    model.addAttribute("mayEdit", mayEdit(file, user));
    model.addAttribute("pathwayPending", listing.pathwayPending(id));
    model.addAttribute("documents", documents.of(id));
    model.addAttribute("mergedInto", file.mergedInto() == null ? null : caseFiles.get(file.mergedInto()));
    model.addAttribute("mergedHere", caseFiles.mergedInto(id));
    model.addAttribute("documentKinds", DocumentKind.values());
    model.addAttribute("mayAttach", !roles.isAuditor(user.getName()));
    return "case/page";
  }

  @GetMapping("/ho-so/{id}/sua")
  String editForm(@PathVariable long id, Model model, Authentication user) {
    CaseFile file = editable(id, user);
    return edit(model, file, CaseForm.of(file, caseFiles.caregiver(id).orElse(null)), null);
  }

  @PostMapping("/ho-so/{id}/sua")
  String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> submitted, Model model,
      Authentication user, HttpServletResponse response, RedirectAttributes redirect) {
    CaseFile file = editable(id, user);
    Map<String, String> form = new HashMap<>(submitted.toSingleValueMap());
    FieldReader fields = FieldReader.of(form);
    ChildListing child = ChildListingReader.read(fields, file.communeCode(), EngineTime.today());
    int version = version(form.get("version"), fields);
    try {
      fields.throwIfInvalid();
      caseFiles.correct(id, version, child, user.getName());
    } catch (EditConflictException conflict) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      CaseFile now = caseFiles.get(id);
      model.addAttribute("latest", CaseForm.of(now, caseFiles.caregiver(id).orElse(null)));
      // the user's values stay in the form; the version becomes the latest, so saving again is a decision
      form.put("version", String.valueOf(now.version()));
      return edit(model, now, form, conflict.getMessage());
    } catch (InvalidInputException invalid) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return edit(model, file, form, invalid.getMessage());
    }
    redirect.addFlashAttribute("saved", "Đã lưu thay đổi của hồ sơ.");
    return "redirect:/ho-so/" + id;
  }

  @ExceptionHandler({ForbiddenException.class, NotFoundException.class, CaseNotFoundException.class})
  String refused(RuntimeException e, Model model, HttpServletResponse response) {
    response.setStatus(e instanceof ForbiddenException ? HttpServletResponse.SC_FORBIDDEN
        : HttpServletResponse.SC_NOT_FOUND);
    model.addAttribute("message", e.getMessage());
    return "error-page";
  }

  private String edit(Model model, CaseFile file, Map<String, String> form, String error) {
    model.addAttribute("file", file);
    model.addAttribute("form", form);
    model.addAttribute("error", error);
    model.addAttribute("sexes", Sex.values());
    model.addAttribute("conditions", ConditionGroup.values());
    model.addAttribute("relations", CaregiverRelation.values());
    model.addAttribute("households", HouseholdStatus.values());
    model.addAttribute("types", DisabilityType.values());
    model.addAttribute("levels", DisabilityLevel.values());
    return "case/edit";
  }

  private CaseFile readable(long id, Authentication user) {
    return caseFiles.getForUser(id, user.getName());
  }

  private CaseFile editable(long id, Authentication user) {
    CaseFile file = readable(id, user);
    if (!roles.isCaseworker(user.getName())) {
      throw new ForbiddenException("Chỉ cán bộ xã/phường và Phòng Lao động – Thương binh và Xã hội được sửa hồ sơ.");
    }
    if (file.status() == CaseStatus.CLOSED) {
      throw new ForbiddenException("Hồ sơ " + file.caseNumber() + " đã đóng: thông tin được giữ nguyên như lúc đóng.");
    }
    if (file.status() == CaseStatus.MERGED) {
      throw new ForbiddenException("Hồ sơ " + file.caseNumber() + " đã được gộp vào hồ sơ khác: hãy sửa ở hồ sơ đó.");
    }
    return file;
  }

  private boolean mayEdit(CaseFile file, Authentication user) {
    return file.status() == CaseStatus.ACTIVE && roles.isCaseworker(user.getName());
  }

  private static int version(String text, FieldReader fields) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException | NullPointerException e) {
      fields.check(false, "Biểu mẫu thiếu phiên bản của hồ sơ: hãy mở lại trang sửa.");
      return -1;
    }
  }

  private String communeName(String code) {
    return organisation.unit(code).map(AdministrativeUnit::displayName).orElse(code);
  }

  private List<Task> openTasks(CaseFile file) {
    if (file.processInstanceId() == null) {
      return List.of();
    }
    return system.call(() -> tasks.createTaskQuery().processInstanceId(file.processInstanceId())
        .orderByTaskCreateTime().asc().listPage(0, EngineLimits.SMALL_LIST));
  }
}
