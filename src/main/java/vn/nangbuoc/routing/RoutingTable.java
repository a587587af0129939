package vn.nangbuoc.routing;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;
import vn.nangbuoc.engine.EngineSystem;
import vn.nangbuoc.pathway.ChildPathway;

/**
 * The deployed task-routing decision table, asked once per question. Its answer depends only on the
 * table's version and the inputs (task, amount), so answers are kept per version: a new version
 * deployed from Camunda Modeler is asked afresh. The amount is part of the question only for the tasks
 * the version has rules on the amount for ({@link AmountDependence}): every child's amount differs. Evaluating the table costs about as much CPU as
 * the rest of creating a task (the FEEL engine builds its context for every input entry of every
 * rule), and every task is routed twice as it is created (its escalation timer asks for the due
 * date before the task listener asks for the group): see docs/performance.md.
 */
@Component
class RoutingTable {

  record Rule(String agencyKind, String staffRole, int deadlineDays) {
  }

  private record Question(String decisionDefinitionId, String taskKey, Long estimatedCost) {
  }

  /** Amounts differ per child: enough answers for the open approvals of a province, then the oldest go. */
  private static final int ANSWERS_KEPT = 20_000;

  private final DecisionService decisions;
  private final RepositoryService repository;
  private final EngineSystem system;
  private final Map<String, AmountDependence> amountDependence = new ConcurrentHashMap<>();
  private final Map<Question, Rule> answers = Collections.synchronizedMap(
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Question, Rule> eldest) {
          return size() > ANSWERS_KEPT;
        }
      });

  RoutingTable(DecisionService decisions, RepositoryService repository, EngineSystem system) {
    this.decisions = decisions;
    this.repository = repository;
    this.system = system;
  }

  Rule ruleFor(String taskKey, Long estimatedCost) {
    String version = system.call(() -> repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(ChildPathway.DECISION_TASK_ROUTING).latestVersion().singleResult().getId());
    AmountDependence dependence = amountDependence.computeIfAbsent(version, id -> AmountDependence.of(
        system.call(() -> repository.getDmnModelInstance(id)), ChildPathway.DECISION_TASK_ROUTING));
    Question question = new Question(version, taskKey, dependence.dependsOnAmount(taskKey) ? estimatedCost : null);
    Rule known = answers.get(question);
    if (known != null) {
      return known;
    }
    Rule rule = evaluate(question);
    answers.put(question, rule);
    return rule;
  }

  private Rule evaluate(Question question) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("taskKey", question.taskKey());
    // asked without the amount when no rule of the task looks at it: the answer holds for every amount
    inputs.put("estimatedCost", question.estimatedCost());
    DmnDecisionRuleResult rule = system.call(() ->
        decisions.evaluateDecisionTableById(question.decisionDefinitionId(), inputs).getSingleResult());
    if (rule == null) {
      throw new ProcessEngineException("Bảng phân công (task-routing) không có dòng nào cho công việc "
          + question.taskKey() + ".");
    }
    Number days = rule.getEntry("deadlineDays");
    return new Rule(rule.getEntry("agencyKind"), rule.getEntry("staffRole"), days.intValue());
  }
}
