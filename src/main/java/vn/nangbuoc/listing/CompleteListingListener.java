package vn.nangbuoc.listing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ChildListingReader;
import vn.nangbuoc.engine.SensitiveData;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.pathway.TaskSubmission;
import vn.nangbuoc.pathway.TaskSubmissions;
import vn.nangbuoc.system.EngineTime;

/** The commune completes a returned listing: the corrected details replace those in the case file. */
@Component("completeListingListener")
class CompleteListingListener implements TaskListener {

  private final TaskSubmissions submissions;
  private final CaseFileService caseFiles;

  CompleteListingListener(TaskSubmissions submissions, CaseFileService caseFiles) {
    this.submissions = submissions;
    this.caseFiles = caseFiles;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskSubmission submission = submissions.open(task);
    CaseFile file = submission.caseFile();
    FieldReader listingFields = FieldReader.of(task::getVariable, SensitiveData.FIELD_PREFIX);
    ChildListing corrected = ChildListingReader.read(listingFields, file.communeCode(), EngineTime.today());
    listingFields.throwIfInvalid();
    submission.fields().optionalText("record_completionNote", "ghi chú bổ sung", 2000);
    submission.fields().throwIfInvalid();
    caseFiles.correct(file.id(), file.version(), corrected, submission.actor());
    submission.record();
  }
}
