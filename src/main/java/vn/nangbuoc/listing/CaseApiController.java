package vn.nangbuoc.listing;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.nangbuoc.audit.AccessLogReaders;
import vn.nangbuoc.audit.CaseAccessLog;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ChildListingReader;
import vn.nangbuoc.casefile.HeldListings;
import vn.nangbuoc.casefile.HeldMessages;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.pathway.PathwayEvents;
import vn.nangbuoc.security.Roles;
import vn.nangbuoc.system.EngineLimits;
import vn.nangbuoc.system.EngineSystem;
import vn.nangbuoc.system.EngineTime;

/** Listing a child and the events of a case, for other systems and scripts (HTTP Basic). */
@RestController
@RequestMapping("/api/cases")
class CaseApiController {

  private final ListingService listing;
  private final CaseFileService caseFiles;
  private final PathwayEvents events;
  private final OrganisationDirectory organisation;
  private final TaskService taskService;
  private final EngineSystem system;
  private final Roles roles;
  private final CaseAccessLog accessLog;
  private final HeldListings held;
  private final HeldMessages heldMessages;
  private final AccessLogReaders logReaders;

  CaseApiController(ListingService listing, CaseFileService caseFiles, PathwayEvents events,
      OrganisationDirectory organisation, TaskService taskService, EngineSystem system, Roles roles,
      CaseAccessLog accessLog, HeldListings held, HeldMessages heldMessages, AccessLogReaders logReaders) {
    this.logReaders = logReaders;
    this.listing = listing;
    this.caseFiles = caseFiles;
    this.events = events;
    this.organisation = organisation;
    this.taskService = taskService;
    this.system = system;
    this.roles = roles;
    this.accessLog = accessLog;
    this.held = held;
    this.heldMessages = heldMessages;
  }

  /** A listing held for another area's office: 202, and nothing that tells where. */
  record Held(String status, String message) {
  }

  /** A listing refused as a likely duplicate: 409 with the alike cases; sent again with newChildConfirmed. */
  record LikelyDuplicate(String status, String message, List<Listed> cases) {
  }

  record Listed(long id, String caseNumber) {
  }

  @PostMapping
  ResponseEntity<?> list(@RequestBody ListingRequest body, Authentication user) {
    requireCaseworker(user);
    FieldReader fields = body.fields();
    String commune = fields.optionalText("communeCode", "mã xã/phường", 32);
    ChildListing child = ChildListingReader.read(fields, commune, EngineTime.today());
    Integer planYear = ChildListingReader.planYear(fields);
    fields.throwIfInvalid();
    Optional<ChildListing> heldAs = heldOutsideArea(child, user.getName());
    if (heldAs.isPresent()) {
      return ResponseEntity.accepted().body(new Held("HELD", heldMessages.received(heldAs.get().communeCode())));
    }
    CaseFile file;
    try {
      file = listing.list(child, planYear, user.getName(),
          ChildListedListener.newChildConfirmed(body.newChildConfirmed()));
    } catch (LikelyDuplicateException alike) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(new LikelyDuplicate("LIKELY_DUPLICATE",
          alike.getMessage(), alike.alike().stream().map(c -> new Listed(c.id(), c.caseNumber())).toList()));
    }
    return ResponseEntity.created(URI.create("/api/cases/" + file.id())).body(summary(file));
  }

  @GetMapping("/{id}")
  CaseSummary get(@PathVariable long id, Authentication user, HttpServletRequest request) {
    CaseFile file = caseFiles.getForUser(id, user.getName());
    accessLog.record(file.id(), user.getName(), CaseAccessLog.Channel.API, request.getRemoteAddr());
    return summary(file);
  }

  /** Who read the case and when: for auditors of the case's area and administrators. */
  @GetMapping("/{id}/access-log")
  List<CaseAccessLog.Access> accessLog(@PathVariable long id, Authentication user) {
    return accessLog.of(logReaders.caseFor(id, user.getName()).id());
  }

  @PostMapping("/{id}/withdrawal")
  ResponseEntity<Void> withdraw(@PathVariable long id, @RequestBody WithdrawalRequest body, Authentication user) {
    requireCaseworker(user);
    caseFiles.getForUser(id, user.getName());
    FieldReader fields = body.fields();
    String reason = fields.requiredText("reason", "lý do gia đình rút khỏi chương trình", 1000);
    fields.throwIfInvalid();
    events.familyWithdrew(id, reason, user.getName());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/move")
  ResponseEntity<Void> move(@PathVariable long id, @RequestBody MoveRequest body, Authentication user) {
    requireCaseworker(user);
    caseFiles.getForUser(id, user.getName());
    FieldReader fields = body.fields();
    String commune = fields.requiredText("communeCode", "mã xã/phường mới", 32);
    fields.throwIfInvalid();
    events.childMoved(id, commune, user.getName());
    return ResponseEntity.noContent().build();
  }

  /**
   * A child whose personal ID has a case file outside the caseworker's area is held for that case's
   * area office, not refused: "listed elsewhere" would tell any commune who is in the programme.
   * Returns the listing as held, in the caseworker's commune.
   */
  private Optional<ChildListing> heldOutsideArea(ChildListing child, String userId) {
    Set<String> area = organisation.communesOf(userId);
    if (child.personalId() == null || area.isEmpty()
        || (child.communeCode() != null && !area.contains(child.communeCode()))) {
      return Optional.empty(); // the listing's own checks answer
    }
    CaseFile existing = caseFiles.withPersonalIds(Set.of(child.personalId())).get(child.personalId());
    if (existing == null || area.contains(existing.communeCode())) {
      return Optional.empty();
    }
    ChildListing placed = child.communeCode() != null ? child : child.withCommuneCode(area.iterator().next());
    held.hold(existing, placed, userId, EngineTime.now(), HeldListings.Source.API);
    return Optional.of(placed);
  }

  private void requireCaseworker(Authentication user) {
    roles.requireCaseworker(user.getName(), "lập danh sách và ghi nhận thay đổi của hồ sơ");
  }

  private CaseSummary summary(CaseFile file) {
    List<CaseSummary.OpenTask> tasks = file.processInstanceId() == null ? List.of()
        : system.call(() -> taskService.createTaskQuery().processInstanceId(file.processInstanceId())
            .listPage(0, EngineLimits.SMALL_LIST).stream()
            .map(t -> new CaseSummary.OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(),
                t.getDueDate() == null ? null : Date.from(t.getDueDate().toInstant())))
            .toList());
    return new CaseSummary(file.id(), file.caseNumber(), file.fullName(), file.ageOn(EngineTime.today()),
        file.communeCode(), organisation.unit(file.communeCode()).map(u -> u.displayName()).orElse(file.communeCode()),
        file.status().name(), file.closureOutcome(), file.processInstanceId(), tasks, file.programmeCode(),
        file.planYear());
  }
}
