package vn.nangbuoc.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** The catalogue an administrator edits: the shipped one reads, and a word outside the vocabulary is refused. */
class IndicatorCatalogueTest {

  @Test
  void shouldReadTheShippedCatalogueWithThePlansTargets() throws Exception {
    List<Indicator> indicators = IndicatorCatalogue.read(new ClassPathResource("indicators/indicators.yaml"));

    Indicator surgery = indicators.stream().filter(i -> i.id().equals("phau-thuat-tre-co-chi-dinh")).findFirst()
        .orElseThrow();
    assertThat(surgery.unit()).isEqualTo(ValueUnit.PERCENT);
    assertThat(surgery.target(2024, List.of("MAIPHA", "TPLANGSON", "LANGSON"))).hasValueSatisfying(target ->
        assertThat(target).isEqualByComparingTo("100"));
    Indicator reached = indicators.stream().filter(i -> i.id().equals("tiep-can-dich-vu")).findFirst().orElseThrow();
    assertThat(reached.population()).isEqualTo("tre-em-khuyet-tat");
    assertThat(reached.target(2024, List.of("TPLANGSON", "LANGSON"))).as("the city's own 2024 target")
        .hasValueSatisfying(target -> assertThat(target).isEqualByComparingTo("95"));
    assertThat(reached.target(2024, List.of("GIANGHIA"))).as("elsewhere, the plan's")
        .hasValueSatisfying(target -> assertThat(target).isEqualByComparingTo("90"));
    assertThat(reached.target(2019, List.of("GIANGHIA"))).hasValueSatisfying(target ->
        assertThat(target).isEqualByComparingTo("70"));
    assertThat(reached.target(2027, List.of("GIANGHIA"))).isEmpty();
    assertThat(indicators).extracting(Indicator::id).contains("tre-lap-danh-sach", "tre-vang-kham", "cho-phau-thuat",
        "kinh-phi-quyet-toan", "so-ngay-den-phau-thuat", "viec-dung-han", "theo-doi-dung-han", "ket-qua-dong-ho-so");
  }

  @Test
  void shouldRefuseWordsOutsideTheVocabularyNamingTheIndicator() {
    assertRefused(one("numerator: {measure: children, dated: listed, where: [\"1=1 or true\"]}"), "condition");
    assertRefused(one("numerator: {measure: everything, dated: listed}"), "measure \"everything\"");
    assertRefused(one("numerator: {measure: children, dated: yesterday}"), "date \"yesterday\"");
    assertRefused(one("numerator: {measure: children, dated: listed, where: [indication=MAGIC]}"), "not one of");
    assertRefused(one("numerator: {measure: tasks, dated: task-completed, where: [step=Task_Nothing]}"),
        "not a user task");
    assertRefused(one("numerator: {measure: children, dated: listed, where: [on-time]}"), "tasks measure");
    assertThatThrownBy(() -> read(one("numerator: {measure: children, dated: listed}\n    sql: \"select 1\"")))
        .as("no key outside the format either").hasMessageContaining("\"sql\"");
  }

  private static String one(String query) {
    return "indicators:\n  - id: thu-nghiem\n    name: Thử nghiệm\n    plan: Kế hoạch\n    unit: count\n    " + query
        + "\n";
  }

  private static void assertRefused(String yaml, String message) {
    assertThatThrownBy(() -> read(yaml)).hasMessageContaining("indicator \"thu-nghiem\"")
        .hasMessageContaining(message);
  }

  private static List<Indicator> read(String yaml) throws java.io.IOException {
    return IndicatorCatalogue.read(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
  }
}
