package vn.nangbuoc;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.Condition;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Process test classes ({@code *ProcessTest}) must walk every flow node and sequence flow of the
 * processes they start. The coverage library measures every Spring test class (its listener is
 * registered for all of them and one engine serves all); other tests start processes only on the way
 * to what they check, so the gate looks at the class being measured and lets those pass.
 */
@TestConfiguration
class CoverageGate {

  static final double REQUIRED = 1.0;

  /** Primary: the coverage library registers a default without any gate. */
  @Bean
  @Primary
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    Condition<Double> fullCoverage = new Condition<>(
        ratio -> !CurrentTestClass.isProcessTest() || ratio >= REQUIRED,
        "coverage of a *ProcessTest class at least " + REQUIRED);
    return new ProcessEngineCoverageProperties(false, true, List.of(), List.of(fullCoverage), Map.of(), List.of(),
        "target/process-test-coverage");
  }

  /** Remembers which class runs, for the gate above; registered in META-INF/spring.factories. */
  public static class CurrentTestClass implements TestExecutionListener, Ordered {

    private static volatile Class<?> current;

    static boolean isProcessTest() {
      return current != null && current.getSimpleName().endsWith("ProcessTest");
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
      current = testContext.getTestClass();
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }
}
