package vn.nangbuoc.funding;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.nangbuoc.audit.CaseAccessLog;
import vn.nangbuoc.casefile.CaseFile;
import vn.nangbuoc.casefile.CaseFileService;
import vn.nangbuoc.fund.FundingRequest;
import vn.nangbuoc.input.ErrorAnswers;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.security.RoutedGroups;
import vn.nangbuoc.system.EngineLimits;

/**
 * Approvers decide on several funding requests at once. Each decision completes its own pathway
 * task, in its own transaction, with the same rules as one by one (four eyes, reasons, the
 * fund's balance): one refused decision does not hold back the others.
 */
@RestController
@RequestMapping("/api/funding/approvals")
class BatchApprovalController {

  /** An approval task routed to the user, with what the approver decides on. */
  record PendingApproval(String taskId, long requestId, String caseNumber, String child, String procedure,
      String hospital, long amount, String requestedBy, Instant waitingSince) {
  }

  /**
   * The decisions as sent. The list, and each of its items, are taken as JSON gave them, so that an
   * item that is not an object, or a field of the wrong type, is answered in Vietnamese in its row.
   */
  record DecisionsBody(Object decisions) {
  }

  /** What became of one decision; {@code message} says why it was not done, and is absent when it was. */
  record DecisionResult(String taskId, boolean ok, @JsonInclude(JsonInclude.Include.NON_NULL) String message) {
  }

  private final TaskService taskService;
  private final FundingRequests requests;
  private final CaseFileService caseFiles;
  private final CaseAccessLog accessLog;
  private final CompletedElsewhere completedElsewhere;
  private final RoutedGroups routedGroups;

  BatchApprovalController(TaskService taskService, FundingRequests requests, CaseFileService caseFiles,
      CaseAccessLog accessLog, CompletedElsewhere completedElsewhere, RoutedGroups routedGroups) {
    this.routedGroups = routedGroups;
    this.taskService = taskService;
    this.requests = requests;
    this.caseFiles = caseFiles;
    this.accessLog = accessLog;
    this.completedElsewhere = completedElsewhere;
  }

  /**
   * The approval tasks routed to the user's groups (by routing: {@link RoutedGroups}), oldest request first.
   * Reading a task is not enough (administrators read every task): the child, procedure and hospital are for
   * the approvers it is routed to. Each child listed is a read of their case.
   */
  @GetMapping
  List<PendingApproval> pending(Authentication user, HttpServletRequest http) {
    List<PendingApproval> rows = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().taskDefinitionKey(ChildPathway.TASK_APPROVE_FUNDING)
        .taskCandidateUser(user.getName()).includeAssignedTasks()
        .orderByTaskCreateTime().asc().listPage(0, EngineLimits.SMALL_LIST)) {
      if (!routedGroups.isRoutedTo(user.getName(), task.getId())) {
        // a candidate link added by hand, to the user or a group of theirs: not their approval, nor their child
        continue;
      }
      CaseFile file = caseFiles.getByProcessInstance(task.getProcessInstanceId());
      accessLog.record(file.id(), user.getName(), CaseAccessLog.Channel.LIST, http.getRemoteAddr());
      FundingRequest request = requests.pendingOf(file.id());
      rows.add(new PendingApproval(task.getId(), request.id(), file.caseNumber(), file.fullName(), request.procedure(),
          request.hospital(), request.amount(), request.requestedBy(), request.requestedAt()));
    }
    return rows;
  }

  @PostMapping
  List<DecisionResult> decide(@RequestBody DecisionsBody body, Authentication user) {
    if (!(body.decisions() instanceof List<?> decisions) || decisions.isEmpty()) {
      throw new InvalidInputException(
          "Gửi danh sách quyết định: {\"decisions\": [{\"taskId\", \"decision\", \"reason\"}]}.");
    }
    List<DecisionResult> results = new ArrayList<>();
    for (Object item : decisions) {
      results.add(decideOne(item instanceof Map<?, ?> map ? map : Map.of(), user.getName()));
    }
    return results;
  }

  private DecisionResult decideOne(Map<?, ?> item, String user) {
    FieldReader fields = FieldReader.of(new HashMap<String, Object>(castKeys(item)));
    String taskId = fields.requiredText("taskId", "mã công việc", 64);
    String decision = fields.requiredText("decision", "quyết định", 16);
    String reason = fields.optionalText("reason", "lý do", 2000);
    try {
      fields.throwIfInvalid();
      Map<String, Object> variables = new HashMap<>();
      variables.put(ChildPathway.VAR_FUNDING_DECISION, decision);
      if (reason != null) {
        variables.put("record_decisionReason", reason);
      }
      taskService.complete(taskId, variables);
      return new DecisionResult(taskId, true, null);
    } catch (InvalidInputException e) {
      return new DecisionResult(taskId, false, e.getMessage());
    } catch (ProcessEngineException e) {
      return new DecisionResult(taskId, false, ErrorAnswers.lostRace(e) ? ErrorAnswers.CONFLICT
          : completedElsewhere.explain(taskId, user)
              .orElse("Không hoàn thành được công việc này (không có hoặc bạn không có quyền)."));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castKeys(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
