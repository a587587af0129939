package vn.nangbuoc.casefile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.VietnameseFormat;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.organisation.UnitLevel;
import vn.nangbuoc.system.EngineTime;

/** Creates and changes case files; every rule about who may list which child lives here. */
@Service
public class CaseFileService {

  private final CaseFileRepository repository;
  private final CaseNumberGenerator numbers;
  private final OrganisationDirectory organisation;
  private final CaseChanges changes;
  private final HeldListings held;
  private final HeldMessages heldMessages;
  private final PlanYears planYears;
  private final ApplicationEventPublisher events;

  CaseFileService(CaseFileRepository repository, CaseNumberGenerator numbers, OrganisationDirectory organisation,
      CaseChanges changes, HeldListings held, HeldMessages heldMessages, PlanYears planYears,
      ApplicationEventPublisher events) {
    this.events = events;
    this.repository = repository;
    this.numbers = numbers;
    this.organisation = organisation;
    this.changes = changes;
    this.held = held;
    this.heldMessages = heldMessages;
    this.planYears = planYears;
  }

  /**
   * Opens a case file for a listed child in the caseworker's commune. The listing must already be
   * valid ({@link ChildListingReader}); what is checked here needs the database. A child whose personal
   * ID has a case outside the caseworker's area is held for that case's office ({@link HeldListings})
   * and the listing refused with the message every held listing gets.
   *
   * <p>The case enrols the child in the default programme's plan of {@code planYear} (today's plan year when
   * null). A child with a personal ID may be enrolled again once the earlier case closed, in a later plan
   * year only; while a case is open there is no second one (the database's unique index of open cases,
   * V59, stops a second listing that races past these checks).
   */
  @Transactional
  public CaseFile open(ChildListing child, Integer planYear, String userId, HeldListings.Source channel) {
    ChildListing placed = child.withCommuneCode(communeFor(child.communeCode(), organisation.communesOf(userId)));
    String programme = planYears.defaultProgramme();
    Enrolment enrolment = new Enrolment(programme, planYears.resolve(programme, planYear, EngineTime.today()));
    if (placed.personalId() != null) {
      refuseUnlessLaterEnrolment(enrolment, placed, userId, channel);
    }
    AdministrativeUnit numberingUnit = organisation.numberingUnitOf(placed.communeCode());
    String caseNumber = numbers.next(numberingUnit.code(), EngineTime.today().getYear());
    try {
      long id = repository.insert(caseNumber, placed, enrolment, userId, EngineTime.now());
      events.publishEvent(CaseFileChanged.of(id));
      return get(id);
    } catch (DuplicateKeyException sameChildAtTheSameMoment) {
      // two listings of one personal ID raced past the check above; the unique index stopped the second
      throw new InvalidInputException("Số định danh cá nhân này vừa được lập hồ sơ: trẻ đã có trong danh sách.");
    }
  }

  /** An open case of the programme, or one of the same or a later plan year, refuses a new enrolment. */
  private void refuseUnlessLaterEnrolment(Enrolment enrolment, ChildListing placed, String userId,
      HeldListings.Source channel) {
    Optional<CaseFile> refusing = enrolment.refusedBy(repository.findAllByPersonalId(placed.personalId()));
    if (refusing.isPresent()) {
      throw alreadyListed(refusing.get(), placed, userId, channel, refusal(refusing.get()));
    }
  }

  /** Why {@code refusing} (see {@link Enrolment#refusedBy}) stops a new enrolment, for those who may see it. */
  public static String refusal(CaseFile refusing) {
    if (refusing.status() == CaseStatus.ACTIVE) {
      return "Số định danh cá nhân này đã có trong hồ sơ " + refusing.caseNumber()
          + " đang mở: trẻ đã được lập danh sách, không tạo hồ sơ thứ hai.";
    }
    return "Trẻ đã tham gia kế hoạch năm " + refusing.planYear() + " (hồ sơ " + refusing.caseNumber()
        + ", đã đóng): chỉ lập danh sách lại được cho kế hoạch của năm sau " + refusing.planYear() + ".";
  }

  /**
   * For an import, which enrols in today's plan ({@link #openAll}): per personal ID, the case file that refuses
   * enrolling the child, by the listing's own rule ({@link Enrolment#refusedBy}). An ID missing from the answer
   * may be enrolled: nobody listed it, or its child's cases closed in earlier plan years.
   */
  public Map<String, CaseFile> refusingEnrolment(Collection<String> personalIds) {
    Enrolment enrolment = todaysEnrolment();
    Map<String, CaseFile> refusing = new HashMap<>();
    repository.findAllByPersonalIds(personalIds).forEach((personalId, cases) -> enrolment.refusedBy(cases)
        .ifPresent(file -> refusing.put(personalId, file)));
    return refusing;
  }

  private Enrolment todaysEnrolment() {
    String programme = planYears.defaultProgramme();
    return new Enrolment(programme, planYears.resolve(programme, null, EngineTime.today()));
  }

  /** A case file an import opened. */
  public record Opened(long id, String caseNumber) {
  }

  /**
   * Opens many case files at once (an import), all or none. Each listing must be valid and name a
   * commune in the user's area; the caller has already set aside children listed before, by the listing's
   * rule ({@link #refusingEnrolment}: a child whose cases closed in earlier plan years is enrolled again; the
   * unique personal ID index of open cases still refuses one listed in between, and then nothing is opened).
   * They are enrolled in the default programme's plan of today.
   */
  @Transactional
  public List<Opened> openAll(List<ChildListing> children, String userId) {
    Enrolment enrolment = todaysEnrolment();
    Set<String> communes = organisation.communesOf(userId);
    // thousands of children live in a few communes: look each commune up once
    Map<String, String> checked = new HashMap<>();
    Map<String, String> numberingUnits = new HashMap<>();
    List<ChildListing> placed = children.stream()
        .map(child -> child.withCommuneCode(checked.computeIfAbsent(String.valueOf(child.communeCode()),
            code -> communeFor(child.communeCode(), communes))))
        .toList();
    int year = EngineTime.today().getYear();
    Map<String, List<Integer>> byNumberingUnit = new LinkedHashMap<>();
    for (int row = 0; row < placed.size(); row++) {
      String unit = numberingUnits.computeIfAbsent(placed.get(row).communeCode(),
          commune -> organisation.numberingUnitOf(commune).code());
      byNumberingUnit.computeIfAbsent(unit, key -> new ArrayList<>()).add(row);
    }
    String[] numbers = new String[placed.size()];
    byNumberingUnit.forEach((unit, rows) -> {
      List<String> block = numbers(unit, year, rows.size());
      for (int i = 0; i < rows.size(); i++) {
        numbers[rows.get(i)] = block.get(i);
      }
    });
    try {
      List<Long> ids = repository.insertAll(List.of(numbers), placed, enrolment, userId, EngineTime.now());
      events.publishEvent(new CaseFileChanged(ids, null));
      List<Opened> opened = new ArrayList<>(ids.size());
      for (int row = 0; row < ids.size(); row++) {
        opened.add(new Opened(ids.get(row), numbers[row]));
      }
      return opened;
    } catch (DuplicateKeyException listedInBetween) {
      throw new InvalidInputException("Một số định danh cá nhân trong tệp vừa được lập hồ sơ ở nơi khác trong lúc"
          + " nhập: chưa hồ sơ nào được tạo. Hãy xem lại bản xem trước rồi xác nhận lại.");
    }
  }

  private List<String> numbers(String unit, int year, int count) {
    return numbers.nextBlock(unit, year, count);
  }

  /**
   * Case files in the user's area that are probably this child listed before: the same name without
   * diacritics or case, birth date and commune (where the listing would place the child), none merged, and
   * no two different personal IDs. The same personal ID is {@link #open}'s to answer.
   */
  public List<CaseFile> likelyListed(ChildListing child, String userId) {
    String commune = communeFor(child.communeCode(), organisation.communesOf(userId));
    Likeness likeness = Likeness.of(child.fullName(), child.dateOfBirth(), commune);
    return repository.findByFoldedNames(Set.of(likeness.foldedName())).stream()
        .filter(file -> likeness.mayBe(file, child.personalId())
            && (file.personalId() == null || child.personalId() == null))
        .sorted(Comparator.comparingLong(CaseFile::id))
        .toList();
  }

  /** The lister saw the likely duplicates and confirmed a different child: the new case file says so. */
  public void recordListedDespite(long caseId, List<CaseFile> alike, String userId) {
    changes.record(caseId, new CaseChanges.Change("Xác nhận là trẻ khác khi lập danh sách", null,
        caseNumbers(alike, 20), userId, EngineTime.now()));
  }

  /** Up to {@code shown} case numbers, then how many more: a common name and birth date may match many. */
  public static String caseNumbers(List<CaseFile> files, int shown) {
    String named = files.stream().limit(shown).map(CaseFile::caseNumber).collect(Collectors.joining(", "));
    return files.size() <= shown ? named : named + " và " + (files.size() - shown) + " hồ sơ khác";
  }

  /**
   * The latest case file of each of these personal IDs, by ID (for duplicate checks): the open one, else the
   * one of the latest plan year.
   */
  public Map<String, CaseFile> withPersonalIds(Collection<String> personalIds) {
    return repository.findByPersonalIds(personalIds);
  }

  /** Case files whose name folds to one of these (for likely-duplicate checks). */
  public List<CaseFile> withFoldedNames(Collection<String> foldedNames) {
    return repository.findByFoldedNames(foldedNames);
  }

  private String communeFor(String requested, Set<String> communes) {
    if (requested == null) {
      if (communes.size() == 1) {
        return communes.iterator().next();
      }
      throw new InvalidInputException(communes.isEmpty()
          ? "Tài khoản của bạn không thuộc cơ quan nào phụ trách xã/phường, nên không lập danh sách được."
          : "Bạn phụ trách nhiều xã/phường: hãy nhập mã xã/phường của trẻ.");
    }
    Optional<AdministrativeUnit> unit = organisation.unit(requested);
    if (unit.isEmpty() || unit.get().level() != UnitLevel.COMMUNE) {
      throw new InvalidInputException("Mã xã/phường \"" + requested + "\" không có trong danh mục.");
    }
    Optional<OrganisationDirectory.UnitEnd> ended = organisation.ended(requested);
    if (ended.isPresent()) {
      String successors = ended.get().successors().stream().map(AdministrativeUnit::displayName)
          .collect(Collectors.joining(", "));
      throw new InvalidInputException(unit.get().displayName() + " không còn từ ngày "
          + VietnameseFormat.date(ended.get().since()) + (successors.isEmpty() ? "" : " (nay thuộc " + successors + ")")
          + ": hãy lập danh sách trẻ ở đơn vị mới.");
    }
    if (!communes.contains(requested)) {
      throw new InvalidInputException("Bạn không phụ trách " + unit.get().displayName()
          + ", nên không lập danh sách trẻ ở đó được.");
    }
    return requested;
  }

  /** The case a pathway belongs to: the link is the case file's, not a process variable. */
  public CaseFile getByProcessInstance(String processInstanceId) {
    return repository.findByProcessInstance(processInstanceId)
        .orElseThrow(() -> new InvalidInputException("Quy trình này không gắn với hồ sơ nào."));
  }

  /** The instance's case; empty for an instance about no child (a unit's report). */
  public Optional<CaseFile> findByProcessInstance(String processInstanceId) {
    return repository.findByProcessInstance(processInstanceId);
  }

  public CaseFile get(long id) {
    return repository.find(id).orElseThrow(() -> new CaseNotFoundException(id));
  }

  /** The case, if it lies in the area the user works in; otherwise as if it did not exist. */
  public CaseFile getForUser(long id, String userId) {
    CaseFile file = get(id);
    if (!organisation.communesOf(userId).contains(file.communeCode())) {
      throw new CaseNotFoundException(id);
    }
    return file;
  }

  public Optional<Caregiver> caregiver(long caseId) {
    return repository.findCaregiver(caseId);
  }

  public void attachProcess(long caseId, String processInstanceId) {
    repository.attachProcess(caseId, processInstanceId);
  }

  /**
   * Changes a case file's details (a returned listing completed, an edit on the case page).
   * {@code expectedVersion} is the version the editor read: when someone else saved in between, the
   * edit is refused with a conflict and nothing is overwritten. Every changed field is recorded.
   */
  @Transactional
  public void correct(long caseId, int expectedVersion, ChildListing child, String userId) {
    CaseFile before = get(caseId);
    Caregiver caregiverBefore = caregiver(caseId).orElse(null);
    if (child.personalId() != null) {
      // another open case of the programme holds the ID; the child's closed enrolments may share it
      repository.findAllByPersonalId(child.personalId()).stream()
          .filter(other -> other.id() != caseId && other.status() == CaseStatus.ACTIVE
              && other.programmeCode().equals(before.programmeCode()))
          .findFirst().ifPresent(other -> {
            throw alreadyListed(other, child.withCommuneCode(before.communeCode()), userId, HeldListings.Source.EDIT,
                "Số định danh cá nhân này đã có trong hồ sơ " + other.caseNumber()
                    + ": trẻ đã được lập danh sách, không tạo hồ sơ thứ hai.");
          });
    }
    try {
      if (!repository.updateIdentity(caseId, expectedVersion, child)) {
        throw new EditConflictException();
      }
    } catch (DuplicateKeyException sameChildAtTheSameMoment) {
      throw new InvalidInputException("Số định danh cá nhân này vừa được ghi cho một hồ sơ khác.");
    }
    for (CaseChanges.Change change : CaseFileDiff.between(before, caregiverBefore, child, userId, EngineTime.now())) {
      changes.record(caseId, change);
    }
    events.publishEvent(CaseFileChanged.of(caseId));
  }

  /** The user task the pathway now waits on; null when it waits on none. */
  public void currentStep(long caseId, String step) {
    repository.updateCurrentStep(caseId, step);
  }

  /**
   * Names the other case only to someone who may see it. For anyone else the identity number alone must
   * not reveal that the child is in the programme: the listing is held for the office of the existing
   * case, and the answer is the one every held listing gets, whatever the channel.
   */
  private InvalidInputException alreadyListed(CaseFile existing, ChildListing typed, String userId,
      HeldListings.Source channel, String toWhoMaySee) {
    if (organisation.communesOf(userId).contains(existing.communeCode())) {
      return new InvalidInputException(toWhoMaySee);
    }
    held.holdApart(existing, typed, userId, EngineTime.now(), channel);
    return new InvalidInputException(channel == HeldListings.Source.EDIT ? heldMessages.editHeld(typed.communeCode())
        : heldMessages.received(typed.communeCode()));
  }

  public void confirmCondition(long caseId, ConditionGroup group) {
    repository.updateConditionGroup(caseId, group);
    events.publishEvent(CaseFileChanged.of(caseId));
  }

  @Transactional
  public void moveTo(long caseId, String communeCode) {
    Optional<AdministrativeUnit> unit = organisation.unit(communeCode);
    if (unit.isEmpty() || unit.get().level() != UnitLevel.COMMUNE) {
      throw new InvalidInputException("Mã xã/phường \"" + communeCode + "\" không có trong danh mục.");
    }
    CaseFile file = get(caseId);
    if (file.status() == CaseStatus.CLOSED) {
      throw new InvalidInputException("Hồ sơ " + file.caseNumber() + " đã đóng.");
    }
    if (file.communeCode().equals(communeCode)) {
      throw new InvalidInputException("Trẻ đã thuộc " + unit.get().displayName() + ".");
    }
    repository.updateCommune(caseId, communeCode);
    events.publishEvent(CaseFileChanged.of(caseId));
  }

  /**
   * The child's commune merged into another (a reorganisation): the case file, open or closed, belongs to
   * the unit that took the commune over. Its number keeps its old prefix.
   */
  public void carryTo(long caseId, String communeCode) {
    String from = get(caseId).communeCode();
    repository.updateCommune(caseId, communeCode);
    events.publishEvent(new CaseFileChanged(List.of(caseId), from));
  }

  /** {@link #carryTo} for many case files at once (a reorganisation's batch), in one statement. */
  public void carryAllTo(Collection<Long> caseIds, String communeCode) {
    Map<String, List<Long>> byOldCommune = repository.communes(caseIds).entrySet().stream()
        .collect(Collectors.groupingBy(Map.Entry::getValue,
            Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
    repository.updateCommunes(caseIds, communeCode);
    // the report facts keep the commune each case came from, for reports on the units before the reform
    byOldCommune.forEach((from, ids) -> events.publishEvent(new CaseFileChanged(ids, from)));
  }

  /** The commune of each of these case files, by id; one missing from the answer does not exist. */
  public Map<Long, String> communesOf(Collection<Long> caseIds) {
    return repository.communes(caseIds);
  }

  /**
   * Records that {@code merged} is the same child as {@code kept}: the merged case file stays with its
   * history, marked and pointing at the kept one, and its personal ID moves over when the kept one has
   * none. Both case files get a change record. The pathway of the merged case is the caller's.
   */
  @Transactional
  public void merge(long keptId, long mergedId, String userId) {
    CaseFile kept = get(keptId);
    CaseFile merged = get(mergedId);
    Instant now = EngineTime.now();
    if (kept.personalId() == null && merged.personalId() != null) {
      repository.movePersonalId(mergedId, keptId, merged.personalId());
      changes.record(keptId, new CaseChanges.Change("Số định danh cá nhân", null,
          merged.personalId() + " (từ hồ sơ " + merged.caseNumber() + ")", userId, now));
    }
    repository.markMerged(mergedId, keptId);
    changes.record(keptId, new CaseChanges.Change("Gộp hồ sơ", null, merged.caseNumber(), userId, now));
    changes.record(mergedId, new CaseChanges.Change("Gộp vào hồ sơ", null, kept.caseNumber(), userId, now));
    events.publishEvent(new CaseFileChanged(List.of(keptId, mergedId), null));
  }

  /**
   * Every enrolment of the child of this case (the case files with its personal ID, oldest plan year first)
   * that the user may read: those in the user's area. A child without a personal ID has this one only.
   */
  public List<CaseFile> enrolmentsOf(CaseFile file, String userId) {
    if (file.personalId() == null) {
      return List.of(file);
    }
    Set<String> area = organisation.communesOf(userId);
    return repository.findAllByPersonalId(file.personalId()).stream()
        .filter(other -> other.id() == file.id() || area.contains(other.communeCode())).toList();
  }

  /** The programme's name as people know it; its code when it has none. */
  public String programmeName(String code) {
    return repository.programmeName(code).orElse(code);
  }

  /** Case files merged into this one. */
  public List<CaseFile> mergedInto(long keptId) {
    return repository.mergedInto(keptId);
  }

  /** For an administrator, by the number alone: the case wherever it lies, or none. */
  public Optional<CaseFile> findByCaseNumber(String caseNumber) {
    return repository.findByCaseNumber(caseNumber == null ? "" : caseNumber.strip().toUpperCase());
  }

  /** Closed case files whose retention has ended, oldest first. */
  public List<Long> closedBefore(Instant cutoff, int limit) {
    return repository.closedBefore(cutoff, limit);
  }

  /** Deletes the case file with its caregivers, step records and changes (see CaseErasure). */
  public void delete(long caseId) {
    repository.delete(caseId);
  }

  public void close(long caseId, String outcome) {
    repository.close(caseId, outcome, EngineTime.now());
    events.publishEvent(CaseFileChanged.of(caseId));
  }
}
