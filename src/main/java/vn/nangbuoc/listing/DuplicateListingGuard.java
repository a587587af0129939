package vn.nangbuoc.listing;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.HeldListings;
import vn.nangbuoc.duplicates.CaseMerge;

/**
 * Every listing by hand (Tasklist's start form, the API) warns of a likely duplicate before a case file
 * exists, as an import does. Confirmed as a different child, the new case file records who confirmed it
 * against which cases, and the pair is kept apart so it does not come back as a likely duplicate.
 */
@Component
class DuplicateListingGuard {

  private final CaseFileService caseFiles;
  private final CaseMerge merges;

  DuplicateListingGuard(CaseFileService caseFiles, CaseMerge merges) {
    this.caseFiles = caseFiles;
    this.merges = merges;
  }

  CaseFile open(ChildListing child, Integer planYear, String userId, HeldListings.Source channel,
      boolean newChildConfirmed) {
    List<CaseFile> alike = caseFiles.likelyListed(child, userId);
    if (!alike.isEmpty() && !newChildConfirmed) {
      throw new LikelyDuplicateException(alike);
    }
    CaseFile file = caseFiles.open(child, planYear, userId, channel);
    if (!alike.isEmpty()) {
      caseFiles.recordListedDespite(file.id(), alike, userId);
      alike.forEach(existing -> merges.keptApartWhenListed(existing.id(), file.id(), userId));
    }
    return file;
  }
}
