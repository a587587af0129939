package vn.nangbuoc.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import vn.nangbuoc.NangBuocSpringTest;

/**
 * The engine's expressions at evaluation time, whatever model or stored query they come from: the
 * wall behind the deployment policy. Evaluated as the engine evaluates them, with its expression
 * manager and a variable context.
 */
@NangBuocSpringTest
class SandboxedExpressionsTest {

  @Autowired
  ProcessEngineConfiguration configuration;

  @ParameterizedTest
  @ValueSource(strings = {
      "${caseFileService}",
      "${caseFileService.hashCode()}",
      "${dataSource}",
      "${''.getClass().forName('java.lang.System').getMethod('getProperty', ''.getClass()).invoke(null, 'user.home')}",
      "${'x'.class}",
      "${'x'.bytes}",
      "${taskDeadlines.toString()}",
      "${taskRoutingListener.class.classLoader}",
      "${dateTime().getClass()}",
      "${dateTime().getChronology()}",
      "${dateTime().toDate().toInstant()}"})
  void shouldRefuseBeansMethodsAndPropertiesNotShipped(String expression) {
    assertThatThrownBy(() -> evaluate(expression)).as(expression).isInstanceOf(ELException.class);
  }

  @Test
  void shouldNotResolveTheEnginesTestMocks() {
    // Mocks is test support of the engine: a name registered there must not reach a production expression
    Mocks.register("probeMock", new Object());
    try {
      assertThatThrownBy(() -> evaluate("${probeMock}")).isInstanceOf(ELException.class);
    } finally {
      Mocks.reset();
    }
  }

  @Test
  void shouldResolveVariablesAndTheProductsDelegates() {
    assertThat(evaluate("${indication == 'SURGERY' && !familyConsent}")).isEqualTo(true);
    assertThat(evaluate("${taskRoutingListener}")).isInstanceOf(TaskListener.class);
    assertThat(evaluate("${items[0]}")).isEqualTo("một");
    assertThat(evaluate("${dateTime().plusDays(2).toDate()}")).isInstanceOf(java.util.Date.class);
  }

  private Object evaluate(String expression) {
    JuelExpressionManager manager = (JuelExpressionManager) ((ProcessEngineConfigurationImpl) configuration)
        .getExpressionManager();
    ELContext context = manager.createElContext(Variables.createVariables().putValue("indication", "SURGERY")
        .putValue("familyConsent", false).putValue("items", java.util.List.of("một")).asVariableContext());
    return manager.createValueExpression(expression).getValue(context);
  }
}
