package vn.nangbuoc.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The expression check alone, without Spring or the engine. */
class ExpressionRuleTest {

  /** As in the application: one bean of the application that is not a delegate. */
  private final ExpressionRule rule = new ExpressionRule(ExpressionBeans.allowedCalls(),
      name -> name.equals("caseFileService"));

  @ParameterizedTest
  @ValueSource(strings = {
      "${indication == 'SURGERY'}",
      "${indication == 'REHABILITATION' || indication == 'ASSISTIVE_DEVICE' || indication == 'OTHER_SERVICE'}",
      "${!topUpNeeded}",
      "${postponedUntil}",
      "${taskRoutingListener}",
      "${taskDeadlines.escalationCycle(execution)}",
      "${followUpSchedule.nextVisit(execution)}",
      "${ taskDeadlines . escalationCycle ( execution ) }",
      "${estimatedCost > 30000000 and not empty hospital}",
      "${amount * 2 + 1 >= limit ? 'HIGH' : 'LOW'}",
      "${(a eq b) ne (c lt d)}",
      "${x == null}",
      "Hạn ${days} ngày",
      "R/PT8H"})
  void shouldAllowWhatTheShippedModelsWrite(String expression) {
    assertThat(rule.problem(expression)).as(expression).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "${caseFileService.get(1).fullName()}",
      "${a.b()}",
      "${a.b(x)}",
      "${''.getClass().forName('java.lang.System').getMethod('getProperty', ''.getClass()).invoke(null, 'user.home')}",
      "${''.class.forName('java.lang.Runtime')}",
      "${'x'.class}",
      "${a['getClass']}",
      "${a[\"class\"][\"classLoader\"]}",
      "${execution.processEngineServices}",
      "${execution['processEngineServices']}",
      "${execution}",
      "${task}",
      "${caseFileService}",
      "${x == caseFileService}",
      "${ caseFileService . get ( 1 ) }",
      "${(caseFileService).get(1)}",
      "${indication == 'SURGERY' && caseFileService.get(1) != null}",
      "${a ? b.c() : d}",
      "${taskDeadlines.escalationCycle(task)}",
      "${taskDeadlines['escalationCycle'](execution)}",
      "${taskDeadlines.escalationCycle(execution).length()}",
      "${taskDeadlines.somethingElse(execution)}",
      "${followUpSchedule.nextVisit(taskDeadlines.escalationCycle(execution))}",
      "${now()}",
      "${fn:currentUser()}",
      "#{indication}",
      "#{caseFileService.get(1)}",
      "Tên: ${caseFileService.get(1).fullName()}",
      "${a.}",
      "${unclosed"})
  void shouldRefuseMethodCallsPropertyReadsAndReflectionHoweverSpelled(String expression) {
    assertThat(rule.problem(expression)).as(expression).isPresent();
  }

  @org.junit.jupiter.api.Test
  void shouldTellAPlainBeanNameFromAnythingElse() {
    assertThat(ExpressionRule.plainName("${checkEligibilityDelegate}")).contains("checkEligibilityDelegate");
    assertThat(ExpressionRule.plainName("${ checkEligibilityDelegate }")).contains("checkEligibilityDelegate");
    assertThat(ExpressionRule.plainName("${caseFileService.get(1)}")).isEmpty();
    assertThat(ExpressionRule.plainName("#{checkEligibilityDelegate}")).isEmpty();
    assertThat(ExpressionRule.plainName("x${checkEligibilityDelegate}")).isEmpty();
    assertThat(ExpressionRule.plainName("checkEligibilityDelegate")).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void shouldKnowTheTimerCallsInTheParsersOwnSpelling() {
    assertThat(ExpressionBeans.allowedCalls()).isEqualTo(Set.of("taskDeadlines.escalationCycle(execution)",
        "followUpSchedule.nextVisit(execution)"));
  }
}
