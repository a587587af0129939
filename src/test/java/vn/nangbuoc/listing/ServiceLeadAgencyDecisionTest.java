package vn.nangbuoc.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The service-lead-agency table with the standalone DMN engine. */
class ServiceLeadAgencyDecisionTest {

  private static DmnEngine engine;
  private static DmnDecision decision;

  @BeforeAll
  static void parseTable() throws IOException {
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("bpmn/service-lead-agency.dmn"))) {
      decision = engine.parseDecision("service-lead-agency", in);
    }
  }

  @ParameterizedTest
  @CsvSource({
      "REHABILITATION,   REHABILITATION_LEAD",
      "ASSISTIVE_DEVICE, ASSISTIVE_DEVICE_LEAD",
      "OTHER_SERVICE,    OTHER_SERVICE_LEAD"})
  void shouldGiveTheLeadAgencyOfEachService(String indication, String leadAgencyKind) {
    DmnDecisionTableResult result = evaluate(indication);

    assertThat(result).hasSize(1);
    assertThat((String) result.getSingleResult().getEntry("leadAgencyKind")).isEqualTo(leadAgencyKind);
  }

  @ParameterizedTest
  @ValueSource(strings = {"SURGERY", "NONE"})
  void shouldMatchNoRuleForAnIndicationWithoutAService(String indication) {
    assertThat(evaluate(indication)).isEmpty();
  }

  private static DmnDecisionTableResult evaluate(String indication) {
    return engine.evaluateDecisionTable(decision, Map.of("indication", indication));
  }
}
