package vn.nangbuoc.casepage;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.nangbuoc.audit.AccessLogReaders;
import vn.nangbuoc.audit.CaseAccessLog;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.document.DocumentKind;
import vn.nangbuoc.document.DocumentService;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.ClosureOutcome;
import vn.nangbuoc.security.PersonNames;
import vn.nangbuoc.system.EngineLimits;
import vn.nangbuoc.system.EngineSystem;
import vn.nangbuoc.system.EngineTime;

/**
 * One page per child: the case file, its pathway, money and documents. Everyone who works in the child's commune
 * reads it, and each read is logged.
 */
@PageController
class CasePage {

  private final CaseFileService caseFiles;
  private final CaseSections sections;
  private final CaseTimeline timeline;
  private final StepNames steps;
  private final FundBooks books;
  private final OrganisationDirectory organisation;
  private final TaskService tasks;
  private final EngineSystem system;
  private final CaseAccessLog accessLog;
  private final ListingService listing;
  private final DocumentService documents;
  private final PersonNames people;
  private final EditRule editRule;
  private final AccessLogReaders logReaders;
  private final DemoTimers demoTimers;

  CasePage(CaseFileService caseFiles, CaseSections sections, CaseTimeline timeline, StepNames steps,
      FundBooks books, OrganisationDirectory organisation, TaskService tasks, EngineSystem system,
      CaseAccessLog accessLog, ListingService listing, DocumentService documents, PersonNames people,
      EditRule editRule, AccessLogReaders logReaders, DemoTimers demoTimers) {
    this.demoTimers = demoTimers;
    this.people = people;
    this.editRule = editRule;
    this.logReaders = logReaders;
    this.caseFiles = caseFiles;
    this.sections = sections;
    this.timeline = timeline;
    this.steps = steps;
    this.books = books;
    this.organisation = organisation;
    this.tasks = tasks;
    this.system = system;
    this.accessLog = accessLog;
    this.listing = listing;
    this.documents = documents;
  }

  @GetMapping("/ho-so/{id}")
  String page(@PathVariable long id, Model model, Authentication user, HttpServletRequest request) {
    CaseFile file = caseFiles.getForUser(id, user.getName());
    accessLog.record(file.id(), user.getName(), CaseAccessLog.Channel.CASE_PAGE, request.getRemoteAddr());
    model.addAttribute("file", file);
    model.addAttribute("age", file.ageOn(EngineTime.today()));
    model.addAttribute("listedBy", people.of(file.listedBy()));
    model.addAttribute("commune", communeName(file.communeCode()));
    model.addAttribute("caregiver", caseFiles.caregiver(id).orElse(null));
    model.addAttribute("currentStep", file.currentStep() == null ? null : steps.of(file.currentStep()));
    List<Task> openTasks = openTasks(file);
    model.addAttribute("openTasks", openTasks);
    model.addAttribute("openableTasks", openable(openTasks));
    model.addAttribute("sections", sections.of(id));
    model.addAttribute("requests", books.requestsOfCase(id));
    model.addAttribute("timeline", timeline.of(file));
    model.addAttribute("mayEdit", editRule.allows(file, user.getName()));
    model.addAttribute("closureOutcome", ClosureOutcome.labelOf(file.closureOutcome()));
    model.addAttribute("pathwayPending", listing.pathwayPending(id));
    model.addAttribute("documents", documents.of(id));
    model.addAttribute("mergedInto", file.mergedInto() == null ? null : caseFiles.get(file.mergedInto()));
    model.addAttribute("mergedHere", caseFiles.mergedInto(id));
    model.addAttribute("programme", caseFiles.programmeName(file.programmeCode()));
    model.addAttribute("enrolments", enrolments(file, user.getName()));
    model.addAttribute("documentKinds", DocumentKind.values());
    model.addAttribute("mayAttach", documents.mayAttach(user.getName()));
    model.addAttribute("mayReadAccessLog", logReaders.mayRead(user.getName()));
    model.addAttribute("demoTimers", demoTimers.offeredFor(file, user.getName()).size());
    return "case/page";
  }

  /** One line of "Các lần tham gia": an enrolment of the same child the user may read. */
  record Enrolment(long id, String programme, int planYear, String caseNumber, String status, boolean shown) {
  }

  private List<Enrolment> enrolments(CaseFile shown, String userId) {
    return caseFiles.enrolmentsOf(shown, userId).stream()
        .map(file -> new Enrolment(file.id(), caseFiles.programmeName(file.programmeCode()), file.planYear(),
            file.caseNumber(), file.status().label(), file.id() == shown.id()))
        .toList();
  }

  /**
   * A case by its number, for links that know only the number (Tasklist's notice after a listing). A
   * number outside the user's area answers as a number that does not exist.
   */
  @GetMapping("/ho-so/so/{caseNumber}")
  String byNumber(@PathVariable String caseNumber, Authentication user) {
    CaseFile file = caseFiles.findByCaseNumber(caseNumber)
        .filter(found -> organisation.communesOf(user.getName()).contains(found.communeCode()))
        .orElseThrow(() -> new NotFoundException("Không có hồ sơ số " + caseNumber + " trong địa bàn của bạn."));
    return "redirect:/ho-so/" + file.id();
  }

  private String communeName(String code) {
    return organisation.unit(code).map(AdministrativeUnit::displayName).orElse(code);
  }

  /**
   * The tasks the user can open in Tasklist, as the engine authorizes them (this request acts as the user); the
   * others are named without a link that would lead nowhere.
   */
  private Set<String> openable(List<Task> open) {
    if (open.isEmpty()) {
      return Set.of();
    }
    return tasks.createTaskQuery().taskIdIn(open.stream().map(Task::getId).toArray(String[]::new))
        .listPage(0, EngineLimits.SMALL_LIST).stream().map(Task::getId).collect(Collectors.toSet());
  }

  private List<Task> openTasks(CaseFile file) {
    if (file.processInstanceId() == null) {
      return List.of();
    }
    return system.call(() -> tasks.createTaskQuery().processInstanceId(file.processInstanceId())
        .orderByTaskCreateTime().asc().listPage(0, EngineLimits.SMALL_LIST));
  }
}
