package vn.nangbuoc.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.nangbuoc.casefile.ConditionGroup;

/** The surgery-eligibility table with the standalone DMN engine, fed as CheckEligibilityDelegate feeds it. */
class SurgeryEligibilityDecisionTest {

  private static final Path TABLE = Path.of("bpmn/surgery-eligibility.dmn");
  private static final String ELIGIBLE =
      "Thuộc danh mục dạng tật và trong độ tuổi của chương trình phẫu thuật.";
  private static final String TOO_OLD =
      "Trẻ từ đủ 16 tuổi trở lên, ngoài độ tuổi của chương trình phẫu thuật.";
  private static final String NOT_LISTED = "Dạng tật không thuộc danh mục của chương trình phẫu thuật.";

  private static List<String> lastMatchedRuleIds = List.of();
  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseTable() throws IOException {
    DmnDecisionTableEvaluationListener recordMatches = event -> lastMatchedRuleIds =
        event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
        .customPostDecisionTableEvaluationListeners(List.of(recordMatches))
        .buildEngine();
    try (InputStream in = Files.newInputStream(TABLE)) {
      decision = engine.parseDecision("surgery-eligibility", in);
    }
  }

  @ParameterizedTest
  @EnumSource(value = ConditionGroup.class, mode = EnumSource.Mode.EXCLUDE, names = "OTHER")
  void shouldFindAListedConditionEligibleAt15(ConditionGroup condition) {
    DmnDecisionRuleResult verdict = evaluate(condition.name(), 15);

    assertThat((Object) verdict.getEntry("eligible")).isEqualTo(true);
    assertThat((String) verdict.getEntry("reason")).isEqualTo(ELIGIBLE);
  }

  @ParameterizedTest
  @EnumSource(ConditionGroup.class)
  void shouldFindEveryConditionIneligibleAt16ForItsAge(ConditionGroup condition) {
    DmnDecisionRuleResult verdict = evaluate(condition.name(), 16);

    assertThat((Object) verdict.getEntry("eligible")).isEqualTo(false);
    assertThat((String) verdict.getEntry("reason")).isEqualTo(TOO_OLD);
  }

  @Test
  void shouldFindAnUnlistedConditionIneligibleAtAnyAgeOfTheProgramme() {
    DmnDecisionRuleResult verdict = evaluate("OTHER", 5);

    assertThat((Object) verdict.getEntry("eligible")).isEqualTo(false);
    assertThat((String) verdict.getEntry("reason")).isEqualTo(NOT_LISTED);
  }

  @Test
  void shouldFindAChildUnderOneYearEligible() {
    DmnDecisionRuleResult verdict = evaluate("CLEFT_LIP_PALATE", 0);

    assertThat((Object) verdict.getEntry("eligible")).isEqualTo(true);
    assertThat((String) verdict.getEntry("reason")).isEqualTo(ELIGIBLE);
  }

  /** CheckEligibilityDelegate reads the single result without a null check. */
  @ParameterizedTest
  @EnumSource(ConditionGroup.class)
  void shouldGiveExactlyOneVerdictForEveryConditionAtEveryAgeOfAChild(ConditionGroup condition) {
    for (int age = 0; age < 18; age++) {
      DmnDecisionTableResult result = engine.evaluateDecisionTable(decision,
          Map.of("conditionGroup", condition.name(), "ageYears", age));

      assertThat(result).as("%s at %d", condition, age).hasSize(1);
    }
  }

  @Test
  void shouldHitEveryRuleOfTheTable() {
    // given
    Set<String> allRuleIds = Dmn.readModelFromFile(TABLE.toFile()).getModelElementsByType(Rule.class).stream()
        .map(Rule::getId)
        .collect(Collectors.toSet());
    Set<String> hit = new HashSet<>();

    // when
    evaluate("MOTOR", 15);
    hit.addAll(lastMatchedRuleIds);
    evaluate("MOTOR", 16);
    hit.addAll(lastMatchedRuleIds);
    evaluate("OTHER", 5);
    hit.addAll(lastMatchedRuleIds);

    // then
    assertThat(allRuleIds).hasSize(3);
    assertThat(hit).containsExactlyInAnyOrderElementsOf(allRuleIds);
  }

  private static DmnDecisionRuleResult evaluate(String conditionGroup, int ageYears) {
    lastMatchedRuleIds = List.of();
    DmnDecisionTableResult result = engine.evaluateDecisionTable(decision,
        Map.of("conditionGroup", conditionGroup, "ageYears", ageYears));
    assertThat(result).hasSize(1);
    return result.getSingleResult();
  }
}
