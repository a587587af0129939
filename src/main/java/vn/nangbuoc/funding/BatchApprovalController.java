package vn.nangbuoc.funding;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import vn.nangbuoc.engine.EngineLimits;
import vn.nangbuoc.fund.FundingRequest;
import vn.nangbuoc.input.ErrorAnswers;
import vn.nangbuoc.input.FieldReader;
import vn.nangbuoc.input.InvalidInputException;
import vn.nangbuoc.pathway.ChildPathway;

/**
 * Approvers decide on several funding requests at once. Each decision completes its own pathway
 * task, in its own transaction, with the same rules as one by one (four eyes, reasons, the
 * fund's balance): one refused decision does not hold back the others.
 */
@RestController
@RequestMapping("/api/funding/approvals")
class BatchApprovalController {

  private final TaskService taskService;
  private final FundingRequests requests;
  private final CaseFileService caseFiles;
  private final CaseAccessLog accessLog;
  private final CompletedElsewhere completedElsewhere;

  BatchApprovalController(TaskService taskService, FundingRequests requests, CaseFileService caseFiles,
      CaseAccessLog accessLog, CompletedElsewhere completedElsewhere) {
    this.taskService = taskService;
    this.requests = requests;
    this.caseFiles = caseFiles;
    this.accessLog = accessLog;
    this.completedElsewhere = completedElsewhere;
  }

  /**
   * The approval tasks routed to the user's groups, oldest request first. Reading a task is not
   * enough (administrators read every task): the child, procedure and hospital are for the
   * approvers it is routed to. Each child listed is a read of their case.
   */
  @GetMapping
  List<Map<String, Object>> pending(Authentication user, HttpServletRequest http) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Task task : taskService.createTaskQuery().taskDefinitionKey(ChildPathway.TASK_APPROVE_FUNDING)
        .taskCandidateUser(user.getName()).includeAssignedTasks()
        .orderByTaskCreateTime().asc().listPage(0, EngineLimits.SMALL_LIST)) {
      CaseFile file = caseFiles.getByProcessInstance(task.getProcessInstanceId());
      accessLog.record(file.id(), user.getName(), CaseAccessLog.Channel.LIST, http.getRemoteAddr());
      FundingRequest request = requests.pendingOf(file.id());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("taskId", task.getId());
      row.put("requestId", request.id());
      row.put("caseNumber", file.caseNumber());
      row.put("child", file.fullName());
      row.put("procedure", request.procedure());
      row.put("hospital", request.hospital());
      row.put("amount", request.amount());
      row.put("requestedBy", request.requestedBy());
      row.put("waitingSince", request.requestedAt());
      rows.add(row);
    }
    return rows;
  }

  @PostMapping
  List<Map<String, Object>> decide(@RequestBody Map<String, Object> body, Authentication user) {
    if (!(body.get("decisions") instanceof List<?> decisions) || decisions.isEmpty()) {
      throw new InvalidInputException("Gửi danh sách quyết định: {\"decisions\": [{\"taskId\", \"decision\", \"reason\"}]}.");
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (Object item : decisions) {
      results.add(decideOne(item instanceof Map<?, ?> map ? map : Map.of(), user.getName()));
    }
    return results;
  }

  private Map<String, Object> decideOne(Map<?, ?> item, String user) {
    Map<String, Object> result = new LinkedHashMap<>();
    FieldReader fields = FieldReader.of(new HashMap<String, Object>(castKeys(item)));
    String taskId = fields.requiredText("taskId", "mã công việc", 64);
    String decision = fields.requiredText("decision", "quyết định", 16);
    String reason = fields.optionalText("reason", "lý do", 2000);
    result.put("taskId", taskId);
    try {
      fields.throwIfInvalid();
      Map<String, Object> variables = new HashMap<>();
      variables.put(ChildPathway.VAR_FUNDING_DECISION, decision);
      if (reason != null) {
        variables.put("record_decisionReason", reason);
      }
      taskService.complete(taskId, variables);
      result.put("ok", true);
    } catch (InvalidInputException e) {
      result.put("ok", false);
      result.put("message", e.getMessage());
    } catch (ProcessEngineException e) {
      result.put("ok", false);
      result.put("message", ErrorAnswers.lostRace(e) ? ErrorAnswers.CONFLICT
          : completedElsewhere.explain(taskId, user)
              .orElse("Không hoàn thành được công việc này (không có hoặc bạn không có quyền)."));
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castKeys(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
