package vn.nangbuoc.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Which tasks a version of the task-routing table routes by the amount. Only the approvals have rules
 * on the amount; for every other task the amount is any ("-") in every rule, so its answer can be kept
 * once for all children instead of once per child's amount. Read from the table itself: a rule on the
 * amount whose task entry is not one plain task name makes every task depend on the amount, which is
 * always right, only slower.
 */
record AmountDependence(boolean allTasks, Set<String> taskKeys) {

  private static final Pattern ONE_TASK = Pattern.compile("\\s*\"([^\"]*)\"\\s*");
  static final AmountDependence ALL_TASKS = new AmountDependence(true, Set.of());

  boolean dependsOnAmount(String taskKey) {
    return allTasks || taskKeys.contains(taskKey);
  }

  static AmountDependence of(DmnModelInstance model, String decisionKey) {
    Decision decision = model.getModelElementById(decisionKey);
    if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
      return ALL_TASKS;
    }
    List<String> inputs = table.getInputs().stream().map(AmountDependence::expressionOf).toList();
    int task = inputs.indexOf("taskKey");
    int amount = inputs.indexOf("estimatedCost");
    if (task < 0 || amount < 0) {
      return ALL_TASKS;
    }
    Set<String> taskKeys = new HashSet<>();
    for (Rule rule : table.getRules()) {
      List<InputEntry> entries = List.copyOf(rule.getInputEntries());
      if (isAny(entries.get(amount))) {
        continue;
      }
      Matcher oneTask = ONE_TASK.matcher(textOf(entries.get(task)));
      if (!oneTask.matches()) {
        return ALL_TASKS;
      }
      taskKeys.add(oneTask.group(1));
    }
    return new AmountDependence(false, Set.copyOf(taskKeys));
  }

  private static String expressionOf(Input input) {
    return input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
        : input.getInputExpression().getText().getTextContent().trim();
  }

  private static boolean isAny(InputEntry entry) {
    String text = textOf(entry).trim();
    return text.isEmpty() || text.equals("-");
  }

  private static String textOf(InputEntry entry) {
    return entry.getText() == null ? "" : entry.getText().getTextContent();
  }
}
