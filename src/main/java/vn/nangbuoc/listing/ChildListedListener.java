package vn.nangbuoc.listing;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ChildListingReader;
import vn.nangbuoc.engine.EngineTime;
import vn.nangbuoc.engine.SensitiveData;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.TaskSubmissions;
import vn.nangbuoc.security.CaseAuthorizations;

/**
 * Start of a pathway. Started from Tasklist's start form, the child's details arrive as sensitive
 * fields: they become a case file here and leave the engine. Started by {@link ListingService}, the
 * case file exists already and only its id and commune are variables.
 */
@Component("childListedListener")
class ChildListedListener implements ExecutionListener {

  private final CaseFileService caseFiles;
  private final TaskSubmissions submissions;
  private final CaseAuthorizations caseAuthorizations;

  ChildListedListener(CaseFileService caseFiles, TaskSubmissions submissions, CaseAuthorizations caseAuthorizations) {
    this.caseFiles = caseFiles;
    this.submissions = submissions;
    this.caseAuthorizations = caseAuthorizations;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.getVariable(ChildPathway.VAR_CASE_ID) != null) {
      return;
    }
    String user = submissions.currentUser();
    if (user == null) {
      throw new InvalidInputException("Không xác định được người lập danh sách: hãy đăng nhập rồi thử lại.");
    }
    FieldReader fields = FieldReader.of(execution::getVariable, SensitiveData.FIELD_PREFIX);
    String commune = FieldReader.of(execution::getVariable, "").optionalText(ChildPathway.VAR_COMMUNE_CODE, "mã xã/phường", 32);
    ChildListing child = ChildListingReader.read(fields, commune, EngineTime.today());
    fields.throwIfInvalid();

    CaseFile file = caseFiles.open(child, user);
    caseFiles.attachProcess(file.id(), execution.getProcessInstanceId());
    caseAuthorizations.open(execution.getProcessInstanceId(), file.communeCode());
    execution.setProcessBusinessKey(file.caseNumber());
    execution.setVariable(ChildPathway.VAR_CASE_ID, file.id());
    execution.setVariable(ChildPathway.VAR_COMMUNE_CODE, file.communeCode());
    for (String name : List.copyOf(execution.getVariableNames())) {
      if (SensitiveData.isSensitiveVariable(name)) {
        execution.removeVariable(name);
      }
    }
  }
}
