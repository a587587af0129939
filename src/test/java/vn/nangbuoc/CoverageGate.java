package vn.nangbuoc;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Process test classes must walk every flow node and sequence flow of the processes they start. */
@TestConfiguration
class CoverageGate {

  /** Primary: the coverage library registers a default without any gate. */
  @Bean
  @Primary
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0).build();
  }
}
