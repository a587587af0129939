package vn.nangbuoc.listing;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.security.CaseAuthorizations;

/** Lists a child: the case file and its pathway are created together or not at all. */
@Service
public class ListingService {

  private final CaseFileService caseFiles;
  private final RuntimeService runtimeService;
  private final CaseAuthorizations caseAuthorizations;

  ListingService(CaseFileService caseFiles, RuntimeService runtimeService, CaseAuthorizations caseAuthorizations) {
    this.caseFiles = caseFiles;
    this.runtimeService = runtimeService;
    this.caseAuthorizations = caseAuthorizations;
  }

  @Transactional
  public CaseFile list(ChildListing child, String userId) {
    CaseFile file = caseFiles.open(child, userId);
    ProcessInstance pathway = runtimeService.startProcessInstanceByKey(ChildPathway.PROCESS_KEY, file.caseNumber(),
        Map.of(ChildPathway.VAR_CASE_ID, file.id(), ChildPathway.VAR_COMMUNE_CODE, file.communeCode()));
    caseFiles.attachProcess(file.id(), pathway.getId());
    caseAuthorizations.open(pathway.getId(), file.communeCode());
    return caseFiles.get(file.id());
  }
}
