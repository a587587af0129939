package vn.nangbuoc.listing;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.casefile.ChildListing;
import vn.nangbuoc.casefile.ChildListingReader;
import vn.nangbuoc.casefile.HeldListings;
import vn.nangbuoc.engine.SensitiveData;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.pathway.TaskSubmissions;
import vn.nangbuoc.security.CaseAuthorizations;
import vn.nangbuoc.system.EngineTime;

/**
 * Start of a pathway: links it to its child's case file. Started from Tasklist's start form, the
 * child's details arrive as sensitive fields; they become a case file here and leave the engine.
 * Started by {@link ListingService}, the case file exists already and its id is the only variable;
 * it must be a case of the starter's area that has no pathway yet, so a start through the REST API
 * cannot attach itself to another child.
 */
@Component("childListedListener")
class ChildListedListener implements ExecutionListener {

  /** The start form's checkbox; sensitive like the child's fields, so it leaves the engine with them. */
  static final String NEW_CHILD_CONFIRMED = SensitiveData.FIELD_PREFIX + "newChildConfirmed";

  private final CaseFileService caseFiles;
  private final TaskSubmissions submissions;
  private final CaseAuthorizations caseAuthorizations;
  private final DuplicateListingGuard guard;

  ChildListedListener(CaseFileService caseFiles, TaskSubmissions submissions, CaseAuthorizations caseAuthorizations,
      DuplicateListingGuard guard) {
    this.caseFiles = caseFiles;
    this.submissions = submissions;
    this.caseAuthorizations = caseAuthorizations;
    this.guard = guard;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String user = submissions.currentUser();
    CaseFile file = execution.getVariable(ChildPathway.VAR_CASE_ID) instanceof Number caseId
        ? listedBefore(caseId.longValue(), user)
        : listFromStartForm(execution, user);
    caseFiles.attachProcess(file.id(), execution.getProcessInstanceId());
    caseAuthorizations.open(execution.getProcessInstanceId(), file.communeCode());
    execution.setProcessBusinessKey(file.caseNumber());
    execution.setVariable(ChildPathway.VAR_CASE_ID, file.id());
    for (String name : List.copyOf(execution.getVariableNames())) {
      if (SensitiveData.isSensitiveVariable(name)) {
        execution.removeVariable(name);
      }
    }
  }

  private CaseFile listedBefore(long caseId, String user) {
    CaseFile file = user == null ? caseFiles.get(caseId) : caseFiles.getForUser(caseId, user);
    if (file.processInstanceId() != null) {
      throw new InvalidInputException(
          "Hồ sơ " + file.caseNumber() + " đã có lộ trình, không bắt đầu lộ trình thứ hai.");
    }
    return file;
  }

  private CaseFile listFromStartForm(DelegateExecution execution, String user) {
    if (user == null) {
      throw new InvalidInputException("Không xác định được người lập danh sách: hãy đăng nhập rồi thử lại.");
    }
    FieldReader fields = FieldReader.of(execution::getVariable, SensitiveData.FIELD_PREFIX);
    String commune = fields.optionalText("communeCode", "mã xã/phường", 32);
    ChildListing child = ChildListingReader.read(fields, commune, EngineTime.today());
    Integer planYear = ChildListingReader.planYear(fields);
    boolean newChildConfirmed = newChildConfirmed(execution.getVariable(NEW_CHILD_CONFIRMED));
    fields.throwIfInvalid();
    return guard.open(child, planYear, user, HeldListings.Source.START_FORM, newChildConfirmed);
  }

  /** The form's checkbox "Vẫn lập hồ sơ mới": true, or "true" from a client that sends text. */
  static boolean newChildConfirmed(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }
}
