package vn.nangbuoc.listing;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.HeldListings;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.system.EngineTime;

/** Lists a child: the case file and its pathway are created together or not at all. */
@Service
public class ListingService {

  private final CaseFileService caseFiles;
  private final RuntimeService runtimeService;
  private final PendingPathways pending;
  private final DuplicateListingGuard guard;

  ListingService(CaseFileService caseFiles, RuntimeService runtimeService, PendingPathways pending,
      DuplicateListingGuard guard) {
    this.caseFiles = caseFiles;
    this.runtimeService = runtimeService;
    this.pending = pending;
    this.guard = guard;
  }

  /** Lists a child for the plan of today's year, its likeness to other case files decided already (or moot). */
  @Transactional
  public CaseFile list(ChildListing child, String userId) {
    return started(caseFiles.open(child, null, userId, HeldListings.Source.API));
  }

  /**
   * Lists a child by hand for the plan of {@code planYear} (today's when null, see {@link CaseFileService#open}):
   * a likely duplicate refuses the listing before anything is written unless the lister confirmed a new child
   * ({@link DuplicateListingGuard}).
   */
  @Transactional
  public CaseFile list(ChildListing child, Integer planYear, String userId, boolean newChildConfirmed) {
    return started(guard.open(child, planYear, userId, HeldListings.Source.API, newChildConfirmed));
  }

  private CaseFile started(CaseFile file) {
    startPathway(file);
    return caseFiles.get(file.id());
  }

  /**
   * Lists many children at once (an import): their case files are opened together or not at all,
   * each with its pathway waiting to start ({@link PathwayStarter}). Starting thousands of pathways
   * would hold the transaction for minutes; the waiting row makes each start certain instead.
   */
  @Transactional
  public List<CaseFileService.Opened> listAll(List<ChildListing> children, String userId) {
    List<CaseFileService.Opened> opened = caseFiles.openAll(children, userId);
    pending.addAll(opened.stream().map(CaseFileService.Opened::id).toList(), userId, EngineTime.now());
    return opened;
  }

  /** True while the case's pathway waits to be started. */
  public boolean pathwayPending(long caseId) {
    return pending.isPending(caseId);
  }

  void startPathway(CaseFile file) {
    // the start listener links the pathway to the case and opens it to the agencies of its area
    runtimeService.startProcessInstanceByKey(ChildPathway.PROCESS_KEY, file.caseNumber(),
        Map.of(ChildPathway.VAR_CASE_ID, file.id()));
  }
}
