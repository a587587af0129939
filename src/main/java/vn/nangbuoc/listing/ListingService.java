package vn.nangbuoc.listing;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.pathway.ChildPathway;

/** Lists a child: the case file and its pathway are created together or not at all. */
@Service
public class ListingService {

  private final CaseFileService caseFiles;
  private final RuntimeService runtimeService;

  ListingService(CaseFileService caseFiles, RuntimeService runtimeService) {
    this.caseFiles = caseFiles;
    this.runtimeService = runtimeService;
  }

  @Transactional
  public CaseFile list(ChildListing child, String userId) {
    CaseFile file = caseFiles.open(child, userId);
    // the start listener links the pathway to the case and opens it to the agencies of its area
    runtimeService.startProcessInstanceByKey(ChildPathway.PROCESS_KEY, file.caseNumber(),
        Map.of(ChildPathway.VAR_CASE_ID, file.id()));
    return caseFiles.get(file.id());
  }
}
