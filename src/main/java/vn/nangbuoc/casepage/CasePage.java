package vn.nangbuoc.casepage;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.nangbuoc.audit.CaseAccessLog;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.CaseStatus;
import vn.nangbuoc.document.DocumentKind;
import vn.nangbuoc.document.DocumentService;
import vn.nangbuoc.fund.FundBooks;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.input.PageController;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.security.PersonNames;
import vn.nangbuoc.security.Roles;
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
  private final Roles roles;
  private final ListingService listing;
  private final DocumentService documents;
  private final PersonNames people;

  CasePage(CaseFileService caseFiles, CaseSections sections, CaseTimeline timeline, StepNames steps,
      FundBooks books, OrganisationDirectory organisation, TaskService tasks, EngineSystem system,
      CaseAccessLog accessLog, Roles roles, ListingService listing, DocumentService documents, PersonNames people) {
    this.people = people;
    this.caseFiles = caseFiles;
    this.sections = sections;
    this.timeline = timeline;
    this.steps = steps;
    this.books = books;
    this.organisation = organisation;
    this.tasks = tasks;
    this.system = system;
    this.accessLog = accessLog;
    this.roles = roles;
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
    model.addAttribute("openTasks", openTasks(file));
    model.addAttribute("sections", sections.of(id));
    model.addAttribute("requests", books.requestsOfCase(id));
    model.addAttribute("timeline", timeline.of(file));
    model.addAttribute("mayEdit", file.status() == CaseStatus.ACTIVE && roles.isCaseworker(user.getName()));
    model.addAttribute("pathwayPending", listing.pathwayPending(id));
    model.addAttribute("documents", documents.of(id));
    model.addAttribute("mergedInto", file.mergedInto() == null ? null : caseFiles.get(file.mergedInto()));
    model.addAttribute("mergedHere", caseFiles.mergedInto(id));
    model.addAttribute("documentKinds", DocumentKind.values());
    model.addAttribute("mayAttach", !roles.isAuditor(user.getName()));
    return "case/page";
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

  private List<Task> openTasks(CaseFile file) {
    if (file.processInstanceId() == null) {
      return List.of();
    }
    return system.call(() -> tasks.createTaskQuery().processInstanceId(file.processInstanceId())
        .orderByTaskCreateTime().asc().listPage(0, EngineLimits.SMALL_LIST));
  }
}
