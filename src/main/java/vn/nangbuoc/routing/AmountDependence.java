package vn.nangbuoc.routing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Which tasks a version of the task-routing table routes by the amount, and at which amounts the answer
 * can change. Only the approvals have rules on the amount; for every other task the amount is any ("-")
 * in every rule, so its answer holds for every child. An approval's rules compare the amount with a few
 * limits ({@code <= 30000000}, {@code > 30000000}): two amounts on the same side of, or equal to, each
 * limit meet the same rules, so the answer holds for the whole band between two limits and the table is
 * asked once per band instead of once per child (every child's amount differs, and each question runs the
 * FEEL engine for every rule; figures in docs/performance.md). Read from the table itself: a rule on the amount whose
 * task entry is not one plain task name makes every task depend on the exact amount, and so does, for its
 * task, an amount entry that is more than comparisons, intervals, lists and not(...) of numbers, and, for
 * every task, the amount named in an output or in the task's column; always right, only slower.
 */
record AmountDependence(boolean allTasks, Set<String> taskKeys, Map<String, List<BigDecimal>> limitsOfTask) {

  /**
   * Amounts that meet the same limits the same way. With the limits ascending, 2·i for an amount below
   * limit i and above limit i−1, 2·i+1 for an amount equal to limit i.
   */
  record Band(int index) {
  }

  private static final Pattern ONE_TASK = Pattern.compile("\\s*\"([A-Za-z0-9_-]+)\"\\s*");
  /** The amount named in an output or in another column: its answer may then differ within a band. */
  private static final Pattern NAMES_AMOUNT = Pattern.compile("\\bestimatedCost\\b");
  /** Types FEEL compares the amount in unchanged; another (integer) would fail for large amounts. */
  private static final Set<String> AMOUNT_TYPES = Set.of("", "long", "number", "double");
  private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";
  private static final Pattern COMPARISON = Pattern.compile("\\s*(?:<=|>=|<|>)?\\s*" + NUMBER + "\\s*");
  private static final Pattern INTERVAL = Pattern.compile(
      "\\s*[\\[(\\]]\\s*" + NUMBER + "\\s*\\.\\.\\s*" + NUMBER + "\\s*[\\])\\[]\\s*");
  private static final Pattern NEGATION = Pattern.compile("\\s*not\\s*\\((.*)\\)\\s*", Pattern.DOTALL);
  static final AmountDependence ALL_TASKS = new AmountDependence(true, Set.of(), Map.of());

  boolean dependsOnAmount(String taskKey) {
    return allTasks || taskKeys.contains(taskKey);
  }

  /**
   * What of the amount the task's answer depends on: nothing (null) for a task no rule routes by the
   * amount, the amount's {@link Band} where the task's rules only compare it with limits, else the amount.
   */
  Object amountPart(String taskKey, Long amount) {
    if (!dependsOnAmount(taskKey)) {
      return null;
    }
    List<BigDecimal> limits = limitsOfTask.get(taskKey);
    return amount == null || limits == null ? amount : bandOf(BigDecimal.valueOf(amount), limits);
  }

  private static Band bandOf(BigDecimal amount, List<BigDecimal> ascendingLimits) {
    int index = 0;
    for (BigDecimal limit : ascendingLimits) {
      int side = amount.compareTo(limit);
      if (side <= 0) {
        return new Band(side == 0 ? index + 1 : index);
      }
      index += 2;
    }
    return new Band(index);
  }

  static AmountDependence of(DmnModelInstance model, String decisionKey) {
    Decision decision = model.getModelElementById(decisionKey);
    if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
      return ALL_TASKS;
    }
    List<Input> columns = List.copyOf(table.getInputs());
    List<String> inputs = columns.stream().map(AmountDependence::expressionOf).toList();
    int task = inputs.indexOf("taskKey");
    int amount = inputs.indexOf("estimatedCost");
    if (task < 0 || amount < 0 || !AMOUNT_TYPES.contains(typeOf(columns.get(amount)))
        || namesAmountOutsideItsColumn(table, amount)) {
      return ALL_TASKS;
    }
    Map<String, Set<BigDecimal>> limits = new HashMap<>();
    Set<String> exactAmount = new HashSet<>();
    for (Rule rule : table.getRules()) {
      List<InputEntry> entries = List.copyOf(rule.getInputEntries());
      if (isAny(entries.get(amount))) {
        continue;
      }
      Matcher oneTask = ONE_TASK.matcher(textOf(entries.get(task)));
      if (!oneTask.matches()) {
        return ALL_TASKS;
      }
      String taskKey = oneTask.group(1);
      Optional<List<BigDecimal>> numbers = limitsIn(textOf(entries.get(amount)));
      numbers.ifPresentOrElse(found -> limits.computeIfAbsent(taskKey, key -> new TreeSet<>()).addAll(found),
          () -> exactAmount.add(taskKey));
    }
    Set<String> taskKeys = new HashSet<>(limits.keySet());
    taskKeys.addAll(exactAmount);
    Map<String, List<BigDecimal>> limitsOfTask = new HashMap<>();
    limits.forEach((taskKey, found) -> {
      if (!exactAmount.contains(taskKey)) {
        limitsOfTask.put(taskKey, List.copyOf(found));
      }
    });
    return new AmountDependence(false, Set.copyOf(taskKeys), Map.copyOf(limitsOfTask));
  }

  /** The numbers an entry compares the amount with, if it only compares: comparisons, intervals, lists, not(...). */
  static Optional<List<BigDecimal>> limitsIn(String entry) {
    Matcher negation = NEGATION.matcher(entry);
    String tests = negation.matches() ? negation.group(1) : entry;
    List<BigDecimal> numbers = new ArrayList<>();
    for (String test : tests.split(",", -1)) {
      Matcher comparison = COMPARISON.matcher(test);
      Matcher interval = INTERVAL.matcher(test);
      if (comparison.matches()) {
        numbers.add(new BigDecimal(comparison.group(1)));
      } else if (interval.matches()) {
        numbers.add(new BigDecimal(interval.group(1)));
        numbers.add(new BigDecimal(interval.group(2)));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(numbers);
  }

  private static boolean namesAmountOutsideItsColumn(DecisionTable table, int amount) {
    for (Rule rule : table.getRules()) {
      List<InputEntry> entries = List.copyOf(rule.getInputEntries());
      for (int column = 0; column < entries.size(); column++) {
        if (column != amount && NAMES_AMOUNT.matcher(textOf(entries.get(column))).find()) {
          return true;
        }
      }
      if (rule.getOutputEntries().stream().anyMatch(output -> output.getText() != null
          && NAMES_AMOUNT.matcher(output.getText().getTextContent()).find())) {
        return true;
      }
    }
    return false;
  }

  private static String typeOf(Input input) {
    return input.getInputExpression() == null || input.getInputExpression().getTypeRef() == null ? ""
        : input.getInputExpression().getTypeRef().trim();
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
