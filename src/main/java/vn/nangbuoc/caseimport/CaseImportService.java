package vn.nangbuoc.caseimport;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.HeldListings;
import vn.nangbuoc.casefile.HeldMessages;
import vn.nangbuoc.input.ForbiddenException;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.input.NotFoundException;
import vn.nangbuoc.listing.ListingService;
import vn.nangbuoc.organisation.AdministrativeUnit;
import vn.nangbuoc.organisation.OrganisationDirectory;
import vn.nangbuoc.system.EngineTime;

/**
 * A commune's list, from upload to case files: read and check every row, show what would happen,
 * and on confirmation create the new children's case files all together or not at all. Confirming
 * checks the rows again, so a child listed by someone else in between is not created twice.
 */
@Service
@EnableConfigurationProperties(ImportSettings.class)
public class CaseImportService {

  /** What a confirmation created, so the caller can start their pathways after the commit. */
  public record Confirmed(long importId, List<Long> createdCaseIds) {
  }

  private static final List<ImportColumn> RESULT_COLUMNS = List.of(ImportColumn.FULL_NAME,
      ImportColumn.DATE_OF_BIRTH, ImportColumn.COMMUNE);

  private final CaseImports imports;
  private final CaseFileService caseFiles;
  private final ListingService listing;
  private final OrganisationDirectory organisation;
  private final ImportSettings settings;
  private final HeldListings held;
  private final HeldMessages heldMessages;

  CaseImportService(CaseImports imports, CaseFileService caseFiles, ListingService listing,
      OrganisationDirectory organisation, ImportSettings settings, HeldListings held, HeldMessages heldMessages) {
    this.imports = imports;
    this.caseFiles = caseFiles;
    this.listing = listing;
    this.organisation = organisation;
    this.settings = settings;
    this.held = held;
    this.heldMessages = heldMessages;
  }

  /** Reads and checks an uploaded list; nothing but the preview is written. Returns the import's id. */
  @Transactional
  public long preview(String fileName, byte[] content, String userId) {
    if (content.length > settings.maxFileSize().toBytes()) {
      throw new InvalidInputException("Tệp lớn hơn giới hạn " + settings.maxFileSize().toMegabytes()
          + " MB: hãy chia danh sách thành nhiều tệp.");
    }
    expireStale();
    List<SourceRow> rows = ListFileReader.read(fileName, content, settings.maxRows(),
        settings.maxExpandedSize().toBytes());
    List<RowResult> results = decide(rows, userId);
    return imports.create(safeName(fileName), sha256(content), userId, EngineTime.now(), results);
  }

  /** Previews older than the keeping time expire, and confirmed results of that age forget who each row was. */
  @Transactional
  public void expireStale() {
    imports.expireBefore(EngineTime.now().minus(settings.previewKeptFor()), EngineTime.now());
  }

  /**
   * Creates the case files of the rows that are (still) new, in one transaction: an error anywhere
   * leaves no case file, no waiting pathway and the preview as it was.
   */
  @Transactional
  public Confirmed confirm(long importId, String userId) {
    CaseImport upload = ownImport(importId, userId);
    if (!imports.decide(importId, CaseImport.Status.CONFIRMED, EngineTime.now())) {
      throw new InvalidInputException(alreadyDecided(upload));
    }
    List<RowResult> previewed = imports.rows(importId);
    List<SourceRow> rows = previewed.stream().map(CaseImportService::sourceRow).toList();
    List<ImportRowReader.Checked> checked = check(rows, userId);
    Map<Integer, CaseFile> outsideArea = new HashMap<>();
    List<RowResult> decided = DuplicateCheck.decide(checked, caseFiles, organisation.communesOf(userId), outsideArea);
    List<RowResult> outcomes = new ArrayList<>(decided);
    List<ChildListing> children = new ArrayList<>();
    List<Integer> newRows = new ArrayList<>();
    for (int i = 0; i < decided.size(); i++) {
      if (decided.get(i).outcome() != RowOutcome.NEW) {
        outcomes.set(i, decided.get(i).withCells(shown(decided.get(i))));
      }
      if (outsideArea.containsKey(i)) {
        ChildListing child = checked.get(i).child();
        held.hold(outsideArea.get(i), child, userId, EngineTime.now(), HeldListings.Source.IMPORT);
        outcomes.set(i, new RowResult(decided.get(i).rowNumber(), RowOutcome.HELD,
            heldMessages.importedRow(child.communeCode()), null, null, null));
      } else if (decided.get(i).outcome() == RowOutcome.NEW) {
        children.add(checked.get(i).child());
        newRows.add(i);
      }
    }
    List<CaseFileService.Opened> opened = children.isEmpty() ? List.of() : listing.listAll(children, userId);
    for (int i = 0; i < opened.size(); i++) {
      int row = newRows.get(i);
      CaseFileService.Opened file = opened.get(i);
      outcomes.set(row, new RowResult(decided.get(row).rowNumber(), RowOutcome.CREATED, null, file.id(),
          file.caseNumber(), shown(decided.get(row))));
    }
    imports.recordOutcomes(importId, outcomes, opened.size());
    return new Confirmed(importId, opened.stream().map(CaseFileService.Opened::id).toList());
  }

  @Transactional
  public void cancel(long importId, String userId) {
    CaseImport upload = ownImport(importId, userId);
    if (!imports.decide(importId, CaseImport.Status.CANCELLED, EngineTime.now())) {
      throw new InvalidInputException(alreadyDecided(upload));
    }
    imports.forgetCells(importId);
  }

  public CaseImport get(long importId, String userId) {
    return ownImport(importId, userId);
  }

  public List<RowResult> rows(long importId, String userId) {
    ownImport(importId, userId);
    return imports.rows(importId);
  }

  public List<CaseImport> recent(String userId) {
    return imports.recentOf(userId, 10);
  }

  public Optional<CaseImport> confirmedEarlier(CaseImport upload) {
    return imports.confirmedEarlier(upload.sha256(), upload.id());
  }

  int startNowUpTo() {
    return settings.startNowUpTo();
  }

  private List<RowResult> decide(List<SourceRow> rows, String userId) {
    return DuplicateCheck.decide(check(rows, userId), caseFiles, organisation.communesOf(userId));
  }


  private List<ImportRowReader.Checked> check(List<SourceRow> rows, String userId) {
    Set<String> communes = organisation.communesOf(userId);
    List<AdministrativeUnit> area = communes.stream().map(organisation::unit).flatMap(Optional::stream).toList();
    ImportRowReader reader = new ImportRowReader(area);
    return rows.stream().map(row -> reader.read(row, EngineTime.today())).toList();
  }

  /** Only the uploader sees an import: its rows are children's details as typed. */
  private CaseImport ownImport(long importId, String userId) {
    CaseImport upload = imports.find(importId)
        .orElseThrow(() -> new NotFoundException("Không có lượt nhập danh sách số " + importId + "."));
    if (!upload.uploadedBy().equals(userId)) {
      throw new ForbiddenException("Chỉ người tải danh sách lên mới xem và xác nhận được lượt nhập này.");
    }
    return upload;
  }

  private static String alreadyDecided(CaseImport upload) {
    return "Lượt nhập \"" + upload.fileName() + "\" đã được xử lý trước đó (" + upload.status().label()
        + "): không có gì thay đổi thêm.";
  }

  /**
   * What the result keeps of a decided row: who it was (name, birth date, commune as typed), so the
   * uploader can tell the rows apart; nothing else of the child's details.
   */
  private static Map<String, String> shown(RowResult row) {
    Map<String, String> shown = new HashMap<>();
    for (ImportColumn column : RESULT_COLUMNS) {
      String text = row.cell(column);
      if (text != null) {
        shown.put(column.field(), text);
      }
    }
    return shown.isEmpty() ? null : shown;
  }

  private static SourceRow sourceRow(RowResult row) {
    Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
    for (ImportColumn column : ImportColumn.values()) {
      String text = row.cell(column);
      if (text != null) {
        cells.put(column, text);
      }
    }
    return new SourceRow(row.rowNumber(), cells);
  }

  private static String safeName(String fileName) {
    String name = fileName == null || fileName.isBlank() ? "danh-sach" : fileName.replaceAll("[\\\\/]", "_").strip();
    return name.length() > 200 ? name.substring(0, 200) : name;
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
