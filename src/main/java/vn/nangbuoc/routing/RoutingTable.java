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
import vn.nangbuoc.pathway.ChildPathway;
import vn.nangbuoc.system.EngineSystem;

/**
 * The deployed task-routing decision table, asked once per question. Its answer depends only on the
 * table's version and the inputs (task, amount), so answers are kept per version: a new version
 * deployed from Camunda Modeler is asked afresh. Of the amount, the question holds only what the
 * version's rules for the task look at ({@link AmountDependence}): nothing for most tasks, the band
 * between two limits for the approvals; every child's amount differs. Evaluating the table is costly
 * (the FEEL engine builds its context for every input entry of every rule) and a task is asked about more
 * than once as it is created (its due date, its group): figures in docs/performance.md, "Why the code is as
 * it is".
 */
@Component
class RoutingTable {

  /** @param duty the work the task is part of; the organisation data says which agency serves it where */
  record Rule(String duty, String staffRole, int deadlineDays) {
  }

  /** The amount part is what of the amount the answer depends on: nothing, its band, or itself. */
  private record Question(String decisionDefinitionId, String taskKey, Object amountPart) {
  }

  /**
   * Where a table's rules on the amount are more than limits, amounts differ per child: enough answers
   * for the open approvals of a province, then the oldest go.
   */
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
    Question question = new Question(version, taskKey, dependence.amountPart(taskKey, estimatedCost));
    Rule known = answers.get(question);
    if (known != null) {
      return known;
    }
    // asked without the amount when no rule of the task looks at it: the answer holds for every amount
    Rule rule = evaluate(version, taskKey, question.amountPart() == null ? null : estimatedCost);
    answers.put(question, rule);
    return rule;
  }

  private Rule evaluate(String decisionDefinitionId, String taskKey, Long estimatedCost) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("taskKey", taskKey);
    inputs.put("estimatedCost", estimatedCost);
    DmnDecisionRuleResult rule = system.call(() ->
        decisions.evaluateDecisionTableById(decisionDefinitionId, inputs).getSingleResult());
    if (rule == null) {
      throw new ProcessEngineException("Bảng phân công (task-routing) không có dòng nào cho công việc "
          + taskKey + ".");
    }
    Number days = rule.getEntry("deadlineDays");
    // a table written before duties existed names an agency kind in its column agencyKind
    String duty = rule.getEntryMap().containsKey("duty") ? rule.getEntry("duty") : rule.getEntry("agencyKind");
    return new Rule(duty, rule.getEntry("staffRole"), days.intValue());
  }
}
